// Contacts: 1–2 people at the project's investor, Chinese or (at a foreign group) its own staff.
import {
  contactTitlesDomestic,
  contactTitlesForeign,
  foreignPeople,
  mobilePrefixes,
} from './data/people';
import type { NameStyle } from './data/people';
import type { DemoContext } from './context';
import { chinesePerson } from './people';
import type { DemoRow, ProjectPlan } from './types';

const base36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The first contact, whom activities name. */
export interface FirstContact {
  name: string;
  title: string;
}

export function* contactRows(
  ctx: DemoContext,
  project: ProjectPlan,
): Generator<DemoRow, FirstContact> {
  const { rng } = ctx;
  const { investor: inv, foreign } = project;
  const { entered } = project.schedule;
  const contactCount = rng.chance(0.5) ? 2 : 1;
  let firstContact = '';
  let firstTitle = '';
  for (let c = 0; c < contactCount; c++) {
    const local = inv.style === 'zh' || rng.chance(0.75);
    let name: string;
    let handle: string;
    if (local) {
      const person = chinesePerson(rng);
      name = person.name;
      handle = person.handle;
    } else {
      const [n, h] = rng.pick(foreignPeople[inv.style as Exclude<NameStyle, 'zh'>]);
      name = n;
      handle = h;
    }
    const title = rng.pick(foreign ? contactTitlesForeign : contactTitlesDomestic);
    if (c === 0) {
      firstContact = name;
      firstTitle = title;
    }
    let wechat: string | null;
    if (!local && rng.chance(0.5)) wechat = null;
    else if (rng.chance(0.3)) {
      wechat = 'wxid_';
      for (let x = 0; x < 10; x++) wechat += base36[rng.int(36)];
    } else wechat = handle + rng.between(10, 99);
    const contactId = ctx.newId(entered);
    yield {
      table: 'contact',
      id: contactId,
      fields: {
        investor_id: inv.id,
        project_id: project.id,
        name,
        title,
        phone: `${rng.pick(mobilePrefixes)}****${rng.between(1000, 9999)}`,
        wechat,
        email: null,
        notes: c === 0 && rng.chance(0.2) ? '首次对接人' : null,
      },
    };
  }
  return { name: firstContact, title: firstTitle };
}
