// Issue 17, rules by year: the 落地率 rule becomes one per year (setting landing.rules, JSON keyed
// by year), so that changing this year's rule no longer rewrites closed years. The single rule of
// an older database (landing.rule, or the default when none was saved) becomes the rule of every
// year it already applied to: from the earliest year any project was signed or planned to sign, or
// any arrival came, through the year of the migration. Exchange rates need no rewrite: USD keeps
// fx.usd_cny, and the other currencies start empty (fx.rates), to be filled in 设置.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// The rule 001–010 read when none was saved (seeds/dictionaries.ts defaultLandingRule, as then).
const DEFAULT_RULE = { milestone: 'registered', cohort: 'signed_in_year' };

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const { rows: already } = await sql<{ id: string }>`
    SELECT id FROM setting WHERE id = 'landing.rules'`.execute(db);
  if (already.length > 0) return;
  const { rows: saved } = await sql<{ value: string }>`
    SELECT value FROM setting WHERE id = 'landing.rule' AND deleted = 0`.execute(db);
  let rule: unknown = DEFAULT_RULE;
  try {
    if (saved[0]) rule = JSON.parse(saved[0].value);
  } catch {
    // Unreadable: the default was what the 看板 read.
  }
  const { rows } = await sql<{ first: string | null }>`
    SELECT min(y) AS first FROM (
      SELECT min(substr(signed_on, 1, 4)) AS y FROM project WHERE deleted = 0 AND signed_on > ''
      UNION ALL
      SELECT min(substr(planned_signed_on, 1, 4)) FROM project
        WHERE deleted = 0 AND planned_signed_on > ''
      UNION ALL
      SELECT min(substr(arrived_on, 1, 4)) FROM capital_arrival WHERE deleted = 0)`.execute(db);
  const thisYear = new Date().getUTCFullYear();
  const first = Math.max(1990, Math.min(Number(rows[0]?.first ?? thisYear) || thisYear, thisYear));
  if (!saved[0] && first === thisYear && rows[0]?.first == null) return; // a new, empty database
  const byYear: Record<string, unknown> = {};
  for (let year = first; year <= thisYear; year++) byYear[String(year)] = rule;
  await sql`INSERT INTO setting (id, deleted, value)
    VALUES ('landing.rules', 0, ${JSON.stringify(byYear)})`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ["DELETE FROM setting WHERE id = 'landing.rules'"]);
}
