// Deterministic demo data: promoters, investors and projects with their contacts, activities, tasks
// and capital arrivals, as rows of the synced tables (snake_case columns of db/synced-tables.ts).
// Pure: the seed and the as-of date decide everything (no clock, no Math.random), so the same
// options always yield the same rows and the same UUIDv7 ids. Every generator draws from the one
// random source in a fixed order: reordering calls changes the data (tests/seeds/demo-snapshot).
import { isRealIsoDate } from '../../domain/dates';
import { activityRows } from './activities';
import { capitalArrivalRows } from './capital-arrivals';
import { keyInvestmentRows } from './key-investment';
import { contactRows } from './contacts';
import { demoContext } from './context';
import { investorRows } from './investors';
import { projectRow } from './projects';
import { promoterRows } from './promoters';
import { taskRows } from './tasks';
import type { DemoOptions, DemoRow } from './types';

export type { DemoOptions, DemoRow, DemoTable } from './types';

const DEFAULT_AS_OF = '2021-06-30';

function validate(options: DemoOptions): string {
  const { projects, seed } = options;
  if (!Number.isSafeInteger(projects) || projects < 0) {
    throw new RangeError(`projects must be a non-negative integer, got ${projects}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!isRealIsoDate(asOf)) throw new RangeError(`asOf must be a yyyy-mm-dd date, got ${asOf}`);
  return asOf;
}

/**
 * Demo rows, parents first: promoters, investors, then every project followed by its contacts,
 * activities, tasks and capital arrivals. Same options, same rows.
 */
export function generateDemo(options: DemoOptions): Generator<DemoRow> {
  const asOf = validate(options);
  return rows(options, asOf);
}

function* rows(options: DemoOptions, asOf: string): Generator<DemoRow> {
  const projectCount = options.projects;
  const ctx = demoContext(options.seed, asOf, options.enteredAtMs);
  const promoters = yield* promoterRows(ctx, options.user);
  const investors = yield* investorRows(ctx, projectCount);
  const codeSeq = new Map<string, number>();
  for (let p = 0; p < projectCount; p++) {
    const project = yield* projectRow(ctx, investors, promoters, codeSeq);
    const contact = yield* contactRows(ctx, project);
    yield* activityRows(ctx, project, contact);
    yield* taskRows(ctx, project);
    yield* capitalArrivalRows(ctx, project);
    yield* keyInvestmentRows(ctx, project, projectCount);
  }
}
