// 补差: for each metric that counts a 签约, 开工 or 竣工 date in the year, the live pipeline projects
// it does not count yet whose date for that milestone falls in the rest of the year — after the
// day the figures count to, by the year's last day — and what each would add. The date is the
// planned one, or the actual one when the milestone came after the figures' day (on the months
// basis, a signing this month counts once the month is complete).
import type { GapMetricKey, GapProject } from '../../../domain/dashboard';
import { gapMetricKeys } from '../../../domain/dashboard';
import { YI } from '../../../domain/classify';
import type { Tx } from '../../app-database';
import { ALIVE, LIVE, signedMetricConditions } from './conditions';
import type { Scope } from './scope';
import { pad } from './scope';

type Milestone = 'signed' | 'started' | 'completed';

/** Each metric's milestone and its condition over the project (conditions.ts's, less the date). */
const gapRules: Record<GapMetricKey, { milestone: Milestone; where: string }> = {
  contracted_fdi: { milestone: 'signed', where: signedMetricConditions.contracted_fdi },
  tier_100yi: { milestone: 'signed', where: signedMetricConditions.tier_100yi },
  tier_50_100yi: { milestone: 'signed', where: signedMetricConditions.tier_50_100yi },
  tier_10_50yi: { milestone: 'signed', where: signedMetricConditions.tier_10_50yi },
  tier_1yi_industrial: { milestone: 'signed', where: signedMetricConditions.tier_1yi_industrial },
  leader_projects: { milestone: 'signed', where: signedMetricConditions.leader_projects },
  started_1yi: { milestone: 'started', where: `total_cny >= ${YI}` },
  completed_1yi: { milestone: 'completed', where: `total_cny >= ${YI}` },
};

const columns: Record<Milestone, [actual: string, planned: string]> = {
  signed: ['signed_on', 'planned_signed_on'],
  started: ['started_on', 'planned_started_on'],
  completed: ['completed_on', 'planned_completed_on'],
};

interface GapRow {
  id: string;
  code: string | null;
  name: string;
  office: string | null;
  owner: string | null;
  fdi: number | null;
  due: string;
  reached: number;
  [flag: `m${number}`]: number | null;
}

/**
 * Read on the scope's own as-of (alive then, an actual date known then). @through is the last day
 * the figures count (the day before the year while none does), @yearEnd the year's last day.
 */
export function gapLists(tx: Tx, scope: Scope): Partial<Record<GapMetricKey, GapProject[]>> {
  const through = scope.reading.actualsThrough ?? `${pad(scope.year - 1)}-12-31`;
  const yearEnd = `${pad(scope.year)}-12-31`;
  const out: Partial<Record<GapMetricKey, GapProject[]>> = {};
  for (const key of gapMetricKeys) out[key] = [];
  if (through >= yearEnd) return out;
  for (const milestone of ['signed', 'started', 'completed'] as const) {
    const keys = gapMetricKeys.filter((k) => gapRules[k].milestone === milestone);
    const [actual, planned] = columns[milestone];
    const flags = keys.map((k, i) => `CASE WHEN ${gapRules[k].where} THEN 1 END AS m${i}`);
    const rows = tx.sql
      .prepare(
        `SELECT id, code, name, office_id AS office, owner_name AS owner,
           contracted_fdi_usd AS fdi, due,
           CASE WHEN ${actual} BETWEEN '1' AND @asOf THEN 1 ELSE 0 END AS reached,
           ${flags.join(', ')}
         FROM (SELECT *, CASE WHEN ${actual} BETWEEN '1' AND @through THEN NULL
                              WHEN ${actual} BETWEEN '1' AND @asOf THEN ${actual}
                              ELSE ${planned} END AS due
               FROM project WHERE ${LIVE} AND ${ALIVE})
         WHERE due > @through AND due <= @yearEnd
           AND (${keys.map((k) => `(${gapRules[k].where})`).join(' OR ')})
         ORDER BY due, total_cny IS NULL, total_cny DESC, code, id`,
      )
      .all({ ...scope.params, through, yearEnd }) as GapRow[];
    keys.forEach((key, i) => {
      out[key] = rows
        .filter((r) => r[`m${i}`] === 1)
        .map((r) => ({
          projectId: r.id,
          code: r.code,
          name: r.name,
          office: r.office,
          owner: r.owner,
          on: r.due,
          reached: r.reached === 1,
          adds: key === 'contracted_fdi' ? (r.fdi ?? 0) : 1,
        }));
    });
  }
  return out;
}
