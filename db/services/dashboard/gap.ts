// 补差: for each metric that counts a 签约, 开工 or 竣工 date in the year, the live pipeline projects
// it does not count yet whose date for that milestone falls in the rest of the year — after the
// day the figures count to, by the year's last day — and what each would add. The date is the
// planned one, or the actual one when the milestone came after the figures' day (on the months
// basis, a signing this month counts once the month is complete).
import { addDays, format, parseISO } from 'date-fns';
import type { GapMetricKey, GapProject } from '../../../domain/dashboard';
import { gapMetricKeys } from '../../../domain/dashboard';
import { YI } from '../../../domain/classify';
import type { Tx } from '../../app-database';
import { ALIVE, LIVE, PROJECTS, signedMetricConditions } from './conditions';
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
  row: number;
  id: string;
  total: number | null;
  fdi: number | null;
  [column: string]: string | number | null;
}

interface NameRow {
  id: string;
  code: string | null;
  name: string;
  office: string | null;
  owner: string | null;
}

const dayAfter = (iso: string) => format(addDays(parseISO(iso), 1), 'yyyy-MM-dd');

const milestoneOrder: readonly Milestone[] = ['signed', 'started', 'completed'];

/**
 * Read on the scope's own as-of (alive then, an actual date known then). @through is the last day
 * the figures count (the day before the year while none does), @after the day after it, @yearEnd
 * the year's last day. One pass over the narrow project_dashboard index (which holds every date and
 * condition column) finds the candidates of all the metrics; only their names are then read.
 */
export function gapLists(tx: Tx, scope: Scope): Partial<Record<GapMetricKey, GapProject[]>> {
  const through = scope.reading.actualsThrough ?? `${pad(scope.year - 1)}-12-31`;
  const yearEnd = `${pad(scope.year)}-12-31`;
  const out: Partial<Record<GapMetricKey, GapProject[]>> = {};
  for (const key of gapMetricKeys) out[key] = [];
  if (through >= yearEnd) return out;
  // due(m): the day the project would count for milestone m (none when counted already or before
  // the year); reached_<m>: that day is an actual date. Written into the WHERE as well as the
  // columns: a subquery naming them would compute every column of every project.
  const due = (m: Milestone) => {
    const [actual, planned] = columns[m];
    return `(CASE WHEN ${actual} BETWEEN '1' AND @through THEN NULL
      WHEN ${actual} BETWEEN '1' AND @asOf THEN ${actual} ELSE ${planned} END)`;
  };
  const dueColumns = milestoneOrder.flatMap((m) => [
    `${due(m)} AS due_${m}`,
    `CASE WHEN ${columns[m][0]} BETWEEN '1' AND @asOf THEN 1 ELSE 0 END AS reached_${m}`,
  ]);
  const flags = gapMetricKeys.map((k, i) => `CASE WHEN ${gapRules[k].where} THEN 1 END AS m${i}`);
  // A candidate: in the rest of the year for a milestone, and under some metric's condition of it.
  const candidate = (m: Milestone) =>
    `(${due(m)} BETWEEN @after AND @yearEnd AND (${gapMetricKeys
      .flatMap((k) => (gapRules[k].milestone === m ? [`(${gapRules[k].where})`] : []))
      .join(' OR ')}))`;
  const rows = tx.sql
    .prepare(
      `SELECT rowid AS row, id, total_cny AS total, contracted_fdi_usd AS fdi,
         ${dueColumns.join(', ')}, ${flags.join(', ')}
       FROM ${PROJECTS} WHERE ${LIVE} AND ${ALIVE}
         AND (${milestoneOrder.map(candidate).join(' OR ')})`,
    )
    .all({ ...scope.params, through, after: dayAfter(through), yearEnd }) as GapRow[];
  const names = new Map(
    (
      tx.sql
        .prepare(
          `SELECT id, code, name, office_id AS office, owner_name AS owner FROM project
           WHERE rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(rows.map((r) => r.row))) as NameRow[]
    ).map((n) => [n.id, n]),
  );
  gapMetricKeys.forEach((key, i) => {
    const { milestone } = gapRules[key];
    const due = (r: GapRow) => r[`due_${milestone}`] as string | null;
    out[key] = rows
      .filter((r) => r[`m${i}`] === 1 && due(r) !== null && due(r)! > through && due(r)! <= yearEnd)
      .sort(
        (a, b) =>
          due(a)!.localeCompare(due(b)!) ||
          (b.total ?? -1) - (a.total ?? -1) ||
          (names.get(a.id)?.code ?? '').localeCompare(names.get(b.id)?.code ?? '') ||
          a.id.localeCompare(b.id),
      )
      .map((r) => {
        const n = names.get(r.id)!;
        return {
          projectId: r.id,
          code: n.code,
          name: n.name,
          office: n.office,
          owner: n.owner,
          on: due(r)!,
          reached: r[`reached_${milestone}`] === 1,
          adds: key === 'contracted_fdi' ? (r.fdi ?? 0) : 1,
        };
      });
  });
  return out;
}
