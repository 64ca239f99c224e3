// Issue 17, points 8 and 9, for databases made before them. 开工未竣工 (by the planned 竣工 date)
// gains a fallback of 730 days from 开工 for a project without a planned date: a saved rule still
// as earlier versions seeded it (key started_not_completed, by the planned date, no days) takes
// the 730; any other rule, or one the user gave days, is left as it is. And 五未清零 becomes the
// 力争 target the 2021 plan words it as: a stalled_zero target still seeded as 确保 0 (and no
// 力争) becomes 力争 0 with no 确保. Every replica makes the same rewrite of the rows it holds.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const FALLBACK_DAYS = 730;

/** The rules with the fallback added, or null when none needed it (or the value is unreadable). */
export function withFallback(value: string): string | null {
  let rules: unknown;
  try {
    rules = JSON.parse(value);
  } catch {
    return null; // Unreadable: the 看板 reads the defaults, which have the fallback.
  }
  if (!Array.isArray(rules)) return null;
  let changed = false;
  const next = rules.map((rule: unknown) => {
    if (
      typeof rule === 'object' &&
      rule !== null &&
      'key' in rule &&
      rule.key === 'started_not_completed' &&
      'usePlannedDate' in rule &&
      rule.usePlannedDate === true &&
      'days' in rule &&
      rule.days === null
    ) {
      changed = true;
      return { ...rule, days: FALLBACK_DAYS };
    }
    return rule;
  });
  return changed ? JSON.stringify(next) : null;
}

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ value: string | null }>`
    SELECT value FROM setting WHERE id = 'stalled.rules'`.execute(db);
  const value = rows[0]?.value;
  const next = typeof value === 'string' ? withFallback(value) : null;
  if (next !== null) {
    await sql`UPDATE setting SET value = ${next} WHERE id = 'stalled.rules'`.execute(db);
  }
  await sql`UPDATE target SET strive = 0, guarantee = NULL
    WHERE metric_key = 'stalled_zero' AND guarantee = 0 AND strive IS NULL`.execute(db);
}

/** Values stay rewritten: 012 run again finds nothing left to rewrite. */
export async function down(): Promise<void> {}
