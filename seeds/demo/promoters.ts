// Promoters: 6–10 per office, every name distinct; the signed-in user, if any, is their office's first.
import { officeKeys } from '../../domain/vocabulary';
import type { DemoContext } from './context';
import { chinesePerson } from './people';
import type { DemoOptions, DemoRow, Promoter } from './types';

/** Yields the promoters; returns them by office, in officeKeys order. */
export function* promoterRows(
  ctx: DemoContext,
  user: DemoOptions['user'],
): Generator<DemoRow, Promoter[][]> {
  const { rng } = ctx;
  const promotersByOffice: Promoter[][] = [];
  const usedPeople = new Set<string>(user ? [user.name] : []);
  for (const office of officeKeys) {
    const list: Promoter[] = [];
    const count = rng.between(6, 10);
    for (let i = 0; i < count; i++) {
      let person = chinesePerson(rng);
      while (usedPeople.has(person.name)) person = chinesePerson(rng);
      usedPeople.add(person.name);
      const id = ctx.newId(ctx.calendarStart + rng.int(365));
      const name = i === 0 && user?.office === office ? user.name : person.name;
      list.push({ id, name });
      yield { table: 'promoter', id, fields: { name, office_id: office, active: 1 } };
    }
    promotersByOffice.push(list);
  }
  return promotersByOffice;
}
