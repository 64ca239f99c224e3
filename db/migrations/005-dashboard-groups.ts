// For the 看板 (issue 4's 150 ms at 100,000 projects): indexes that hand the year's signings and
// arrivals to their GROUP BY already in group order, so SQLite aggregates them as it reads them
// instead of sorting them first, and a small one over the terminated projects, whose arrivals the
// zone's paid-in figures leave out. Local indexes only: nothing synced changes.
//
// The signings and arrivals are grouped by month: the indexes lead with the month (the date's
// first 7 characters, an index on an expression) so that a year is one range of it, in order.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Each ends with `deleted`: SQLite counts an index as covering only if it holds every column the
  // query names. The signings: by month, office, promoter and region (the ranking, the trend, the
  // signed regions), with every column the tallies and the computed metrics read, the landed test
  // (stage, derived columns and actual milestone dates) included.
  await sql`CREATE INDEX project_signings ON project (
      substr(signed_on, 1, 7), office_id, owner_id, region, signed_on, stage, terminated_on, tier,
      total_cny, contracted_fdi_usd, industrial, leader_project, last_actual_on, dated_stage,
      registered_on, land_supplied_on, started_on, completed_on, producing_on, deleted)
    WHERE deleted = 0`.execute(db);
  // The arrivals: by month and kind, with what their amount and their project's check read.
  await sql`CREATE INDEX capital_arrival_months ON capital_arrival (
      substr(arrived_on, 1, 7), kind, arrived_on, outside_city, currency, amount, project_id,
      deleted)
    WHERE deleted = 0`.execute(db);
  // It replaces migration 004's index of the arrivals by date (the same columns, not in month order).
  await sql`DROP INDEX capital_arrival_dashboard`.execute(db);
  // The terminated projects (a few thousand), by 终止 date.
  await sql`CREATE INDEX project_terminated ON project (terminated_on, id, stage, deleted)
    WHERE deleted = 0 AND stage = 'terminated'`.execute(db);
}
