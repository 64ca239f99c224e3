// Issue 17, region and location: investors and projects carry province and city; a project may
// override 市外 for its domestic money and an arrival for itself. Local derived columns: where a
// project's region comes from, its group's HQ country and ultimate parent, whether its domestic
// money is 市外, and whether an arrival counts as 市外内资 (the 看板 reads this one, so its index
// replaces 005's). 中国香港, 中国台湾 and 中国澳门 stop being provinces: a project that had one as
// its province gets it as its country instead. The derived values themselves are computed at the
// next open (db/mutation.ts, DERIVED_VERSION 3).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const add = (table: string, column: string, type: 'text' | 'integer') =>
    db.schema.alterTable(table).addColumn(column, type).execute();
  // Synced.
  await add('investor', 'province', 'text');
  await add('investor', 'city', 'text');
  await add('project', 'city', 'text');
  await add('project', 'outside_city', 'integer');
  await add('capital_arrival', 'outside_override', 'integer');
  // Derived, local.
  await add('project', 'region_source', 'text');
  await add('project', 'group_country', 'text');
  await add('project', 'group_parent_id', 'text');
  await add('project', 'city_outside', 'integer');
  await add('capital_arrival', 'outside_counted', 'integer');

  // Every replica makes the same rewrite of the projects it holds; a change of an older version
  // that still says 香港 is read as the country when it arrives (domain/source-region.ts).
  for (const [province, country] of [
    ['taiwan', 'TW'],
    ['hongkong', 'HK'],
    ['macao', 'MO'],
  ]) {
    await sql`UPDATE project SET country = coalesce(country, ${country}), province = NULL
      WHERE province = ${province}`.execute(db);
  }

  // The walk down an investor group, when a parent's HQ or place changes.
  await db.schema
    .createIndex('investor_parent_investor_id')
    .on('investor')
    .column('parent_investor_id')
    .execute();
  // The arrivals by month and kind, as 005's, with 市外 counted by the derived column.
  await sql`DROP INDEX capital_arrival_months`.execute(db);
  await sql`CREATE INDEX capital_arrival_months ON capital_arrival (
      substr(arrived_on, 1, 7), kind, arrived_on, outside_counted, currency, amount, project_id,
      deleted)
    WHERE deleted = 0`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX investor_parent_investor_id',
    'DROP INDEX capital_arrival_months',
    `CREATE INDEX capital_arrival_months ON capital_arrival (
      substr(arrived_on, 1, 7), kind, arrived_on, outside_city, currency, amount, project_id,
      deleted) WHERE deleted = 0`,
    ...[
      ['investor', 'province'],
      ['investor', 'city'],
      ['project', 'city'],
      ['project', 'outside_city'],
      ['capital_arrival', 'outside_override'],
      ['project', 'region_source'],
      ['project', 'group_country'],
      ['project', 'group_parent_id'],
      ['project', 'city_outside'],
      ['capital_arrival', 'outside_counted'],
    ].map(([table, column]) => `ALTER TABLE ${table} DROP COLUMN ${column}`),
  ]);
}
