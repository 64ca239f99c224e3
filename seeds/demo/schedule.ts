// A project's stage and milestone dates: the furthest milestone it reached by the as-of day, the
// actual dates up to it and planned dates for all, entered and (if terminated) terminated days.
import type { Tier } from '../../domain/classify';
import { milestones } from '../../domain/lifecycle';
import type { Stage } from '../../domain/lifecycle';
import type { DemoContext } from './context';
import { weighted } from './random';

const stageWeights = weighted<Stage>([
  ['lead', 12],
  ['negotiating', 18],
  ['signed', 12],
  ['registered', 12],
  ['land_supplied', 8],
  ['started', 13],
  ['completed', 8],
  ['producing', 12],
  ['terminated', 5],
]);

/** Milestone index (0 signed … 5 producing) of a stage; the project columns follow the same order. */
const MILESTONE_INDEX: Partial<Record<Stage, number>> = Object.fromEntries(
  milestones.map((m, i) => [m.stage, i]),
);
// Day ranges between consecutive milestones: → registered, → land, → started, → completed, → producing.
const DURATIONS: readonly (readonly [number, number])[] = [
  [0, 0],
  [20, 120],
  [30, 270],
  [20, 180],
  [240, 720],
  [15, 150],
];
const SERVICE_DURATIONS: readonly (readonly [number, number])[] = [
  [0, 0],
  [20, 120],
  [0, 0],
  [30, 150],
  [60, 240],
  [15, 150],
];
const INDUSTRIAL_CHAIN = [0, 1, 2, 3, 4, 5];
/** Service projects rent space: no land, a fit-out instead of a build. */
const SERVICE_CHAIN = [0, 1, 3, 4, 5];

export interface Schedule {
  stage: Stage;
  /** The milestones the project goes through, as indices into milestones. */
  chain: readonly number[];
  /** Position in chain of the furthest actual milestone, -1 for none. */
  k: number;
  /** Day of each milestone (by milestone index) reached, -1 for none. */
  actual: Int32Array;
  /** Planned day of each milestone, -1 for none. */
  planned: Int32Array;
  /** The day the project entered the books. */
  entered: number;
  /** -1 unless terminated. */
  terminatedOn: number;
}

export function scheduleOf(ctx: DemoContext, tier: Tier, industrial: boolean): Schedule {
  const { rng, asOf, windowStart, calendarStart } = ctx;
  const chain = industrial ? INDUSTRIAL_CHAIN : SERVICE_CHAIN;
  const actual = new Int32Array(6).fill(-1);
  const planned = new Int32Array(6).fill(-1);
  /** Days from the previous milestone in chain to the one at the same position. */
  const durations = new Int32Array(6);
  let stage = stageWeights.pick(rng);
  if (stage === 'land_supplied' && !industrial) stage = 'registered';
  let k = -1;
  if (stage === 'terminated') k = rng.chance(0.65) ? -1 : rng.int(3);
  else {
    const m = MILESTONE_INDEX[stage];
    if (m !== undefined) k = chain.indexOf(m);
  }
  for (let j = 1; j < chain.length; j++) {
    const m = chain[j] as number;
    const range = (industrial ? DURATIONS : SERVICE_DURATIONS)[m] as readonly [number, number];
    let d = rng.between(range[0], range[1]);
    if (m === 4 && (tier === 't100' || tier === 't50_100')) d = Math.round(d * 1.5);
    durations[j] = d;
  }
  let entered: number;
  let terminatedOn = -1;
  if (k >= 0) {
    const extra = stage === 'terminated' ? rng.between(20, 240) : 0;
    let span = 0;
    for (let j = 1; j <= k; j++) span += durations[j] as number;
    const room = asOf - windowStart - extra - 1;
    if (span > room) {
      const factor = room / span;
      span = 0;
      for (let j = 1; j <= k; j++) {
        durations[j] = Math.floor((durations[j] as number) * factor);
        span += durations[j] as number;
      }
    }
    const latest = asOf - span - extra;
    // Recent signings dominate: the as-of year holds many of them.
    const skew = k <= 2 ? 3 : 1.6;
    const signed = latest - Math.floor((latest - windowStart) * rng.float() ** skew);
    let day = signed;
    let plan = 0;
    for (let j = 0; j < chain.length; j++) {
      const m = chain[j] as number;
      if (j > 0) day += durations[j] as number;
      if (j <= k) {
        actual[m] = day;
        plan = Math.max(plan, day + (j === 0 ? -rng.between(0, 60) : rng.between(-30, 30)));
      } else if (j === k + 1) {
        plan = Math.max(
          plan,
          (actual[chain[k] as number] as number) +
            Math.round((durations[j] as number) * (0.7 + 0.6 * rng.float())),
        );
      } else plan += durations[j] as number;
      planned[m] = plan;
    }
    if (stage === 'terminated') {
      terminatedOn = (actual[chain[k] as number] as number) + rng.between(10, extra);
    }
    entered = Math.max(calendarStart, signed - rng.between(20, 420));
  } else {
    let plan: number;
    if (stage === 'lead') {
      entered = asOf - rng.int(366);
      plan = asOf + rng.between(60, 540);
    } else if (stage === 'negotiating') {
      entered = asOf - rng.between(20, 700);
      plan = Math.max(entered + 14, asOf + rng.between(-60, 270));
    } else {
      entered = asOf - rng.between(90, 1000);
      terminatedOn = entered + rng.between(30, asOf - entered);
      plan = entered + rng.between(60, 300);
    }
    planned[0] = plan;
    if (stage !== 'lead') {
      for (let j = 1; j < chain.length; j++) {
        plan += durations[j] as number;
        planned[chain[j] as number] = plan;
      }
    }
  }
  return { stage, chain, k, actual, planned, entered, terminatedOn };
}
