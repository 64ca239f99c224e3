// Capital arrivals after signing (after registration once registered), up to the contracted amount
// (FDI in US dollars for a foreign project, 内资 in yuan for a domestic one).
import { HOME_CITY } from './data/geography';
import type { DemoContext } from './context';
import type { DemoRow, ProjectPlan } from './types';

/** Share of the cap paid in by the furthest milestone reached (0 signed … 5 producing). */
const paidShare: readonly (readonly [number, number])[] = [
  [0.05, 0.2],
  [0.1, 0.45],
  [0.2, 0.6],
  [0.3, 0.85],
  [0.5, 0.95],
  [0.6, 1],
];

export function* capitalArrivalRows(ctx: DemoContext, project: ProjectPlan): Generator<DemoRow> {
  const { rng, asOf, calendar } = ctx;
  const { investor: inv, foreign, totalCny } = project;
  const contractedFdi = project.contractedFdiUsd;
  const { stage, chain, k, actual } = project.schedule;
  const signedDay = actual[0] as number;
  if (signedDay < 0 || stage === 'terminated' || !rng.chance(0.85)) return;
  const reached = chain[k] as number;
  const from = (actual[1] as number) >= 0 ? (actual[1] as number) + 1 : signedDay + 1;
  const [fLo, fHi] = paidShare[reached] as readonly [number, number];
  const maxCount = reached === 0 ? 1 : reached === 1 ? 2 : reached === 2 ? 3 : 4;
  const cap = foreign ? (contractedFdi as number) : totalCny;
  const share = (fLo + (fHi - fLo) * rng.float()) * (foreign ? 1 : 0.8);
  const units = Math.floor((cap * share) / 10_000);
  const count = Math.min(rng.between(1, maxCount), units);
  if (from > asOf || count <= 0) return;
  const days: number[] = [];
  for (let a = 0; a < count; a++) days.push(from + rng.int(asOf - from + 1));
  days.sort((x, y) => x - y);
  let remaining = units - count;
  const outside = foreign ? 0 : inv.city !== HOME_CITY && rng.chance(0.95) ? 1 : 0;
  for (let a = 0; a < count; a++) {
    let part = 1;
    if (a === count - 1) part += remaining;
    else {
      const extra = Math.min(remaining, Math.floor(remaining * rng.float() * (2 / (count - a))));
      part += extra;
      remaining -= extra;
    }
    const day = days[a] as number;
    yield {
      table: 'capital_arrival',
      id: ctx.newId(day),
      fields: {
        project_id: project.id,
        arrived_on: calendar.iso8601(day),
        amount: part * 10_000,
        currency: foreign ? 'USD' : 'CNY',
        kind: foreign ? 'fdi' : 'domestic',
        outside_city: outside,
        notes: null,
      },
    };
  }
}
