// The 看板 names each currency of the year that has no rate (dashboard/missing-rates.ts). Without
// these two partial indexes that check read every project and every arrival on each 看板 (240 ms
// at 100,000 projects); with them it seeks the few currencies that lack a rate, and finds nothing
// when, as usual, none of those is used. 元 amounts, the most, are left out of both.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';
import { sql } from 'kysely';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX project_foreign_investment
    ON project (investment_currency, signed_on, planned_signed_on)
    WHERE deleted = 0 AND investment_currency <> 'CNY' AND total_investment IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX capital_arrival_foreign ON capital_arrival (currency, arrived_on)
    WHERE deleted = 0 AND currency <> 'CNY'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX project_foreign_investment',
    'DROP INDEX capital_arrival_foreign',
  ]);
}
