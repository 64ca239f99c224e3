// Activities between the project's entry and the as-of day (or its termination), the signing
// ceremony among them, with notes in a promoter's words.
import type { ActivityKind } from '../../domain/vocabulary';
import { HOME_CITY, OFFICE_CITY } from './data/geography';
import { platforms } from '../dictionaries';
import { callTopics, leaders, meetingTopics, pitches, plans } from './data/project-words';
import type { DemoContext } from './context';
import type { FirstContact } from './contacts';
import { weighted } from './random';
import type { Rng } from './random';
import type { DemoRow, Investor, ProjectPlan } from './types';

const activityKindWeights = weighted<ActivityKind>([
  ['visit', 28],
  ['reception', 15],
  ['inspection', 12],
  ['call', 18],
  ['meeting', 12],
  ['fair', 5],
  ['video', 10],
]);

export function* activityRows(
  ctx: DemoContext,
  project: ProjectPlan,
  contact: FirstContact,
): Generator<DemoRow> {
  const { rng, asOf, calendar } = ctx;
  const { investor: inv, owner, staff, office } = project;
  const { stage, entered, terminatedOn } = project.schedule;
  const signedDay = project.schedule.actual[0] as number;
  const firstContact = contact.name;
  const firstTitle = contact.title;
  const lastDay = terminatedOn >= 0 ? terminatedOn : asOf;
  const activityCount =
    stage === 'lead'
      ? rng.between(0, 2)
      : stage === 'negotiating'
        ? rng.between(1, 5)
        : stage === 'terminated'
          ? rng.between(0, 3)
          : rng.between(1, 5);
  const days: number[] = [];
  const ceremony = signedDay >= 0 && activityCount > 0;
  if (ceremony) days.push(signedDay);
  while (days.length < activityCount) days.push(entered + rng.int(lastDay - entered + 1));
  days.sort((a, b) => a - b);
  let ceremonyDone = false;
  for (const day of days) {
    let kind: ActivityKind;
    let notes: string;
    let people = owner.name;
    if (ceremony && !ceremonyDone && day === signedDay) {
      ceremonyDone = true;
      kind = 'meeting';
      notes = `${project.name}签约仪式在开发区举行`;
      people = `${rng.pick(leaders)}、${owner.name}、${firstContact}`;
    } else {
      kind = activityKindWeights.pick(rng);
      notes = activityNote(rng, kind, inv, firstTitle + firstContact, OFFICE_CITY[office]);
      if (kind === 'reception' || kind === 'inspection' || kind === 'meeting') {
        people = rng.chance(0.4) ? `${rng.pick(leaders)}、${owner.name}` : owner.name;
      }
      if (rng.chance(0.3)) {
        const colleague = rng.pick(staff);
        if (colleague !== owner) people += `、${colleague.name}`;
      }
      if (kind !== 'call') people += `、${firstContact}`;
    }
    yield {
      table: 'activity',
      id: ctx.newId(day),
      fields: {
        project_id: project.id,
        investor_id: inv.id,
        kind,
        occurred_on: calendar.iso8601(day),
        people,
        notes,
      },
    };
  }
}

function activityNote(
  rng: Rng,
  kind: ActivityKind,
  inv: Investor,
  contact: string,
  officeCity: string,
): string {
  const who = inv.short;
  const city = inv.city === HOME_CITY ? officeCity : inv.city;
  const topic = rng.pick(meetingTopics);
  const variant = rng.int(3);
  switch (kind) {
    case 'visit':
      return variant === 0
        ? `赴${city}拜访${who}${contact}，介绍开发区${rng.pick(pitches)}`
        : variant === 1
          ? `赴${city}与${who}${contact}座谈，了解企业${rng.pick(plans)}`
          : `走访${who}${city}总部，对接项目选址需求`;
    case 'reception':
      return variant === 0
        ? `${who}${contact}一行来访，实地察看${rng.pick(platforms)}`
        : `接待${who}${contact}，介绍${rng.pick(platforms)}载体情况`;
    case 'inspection':
      return variant === 0
        ? `${who}考察团考察拟选地块及周边配套`
        : `陪同${who}${contact}考察${rng.pick(platforms)}及园区企业`;
    case 'call':
      return variant === 0
        ? `电话沟通${rng.pick(callTopics)}`
        : `与${contact}电话沟通${rng.pick(callTopics)}`;
    case 'meeting':
      return variant === 0 ? `召开${who}项目推进会，协调${topic}` : `与${who}就${topic}进行会谈`;
    case 'fair':
      return variant === 0
        ? `经贸洽谈会期间与${who}洽谈合作`
        : `在展会上与${who}${contact}交流投资意向`;
    case 'video':
      return variant === 0
        ? `与${who}总部视频会议，讨论${topic}`
        : `与${contact}视频连线，沟通${topic}`;
  }
}
