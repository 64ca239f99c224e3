// 补差清单 as the 看板 and the 月报 both write it: the targets counting a 签约, 开工 or 竣工 that
// have a goal, what is left to that goal, what the listed pipeline projects would add, and when
// each of them counts.
import type { Dashboard, DashboardMetric, GapMetricKey, GapProject } from './dashboard';
import { gapMetricKeys } from './dashboard';

const milestoneVerbs: Record<GapMetricKey, string> = {
  contracted_fdi: '签约',
  tier_100yi: '签约',
  tier_50_100yi: '签约',
  tier_10_50yi: '签约',
  tier_1yi_industrial: '签约',
  leader_projects: '签约',
  started_1yi: '开工',
  completed_1yi: '竣工',
};

export interface GapTarget {
  key: GapMetricKey;
  metric: DashboardMetric;
  list: GapProject[];
  /** The goal read against: 确保, or 力争 when the target has no 确保. */
  goalKind: '确保' | '力争';
  /** What is left to the goal (0 once reached), in the metric's unit. */
  left: number;
  /** What the listed projects would add together. */
  adds: number;
}

/** The targets with a 补差 list, in gapMetricKeys order. */
export function gapTargets(board: Pick<Dashboard, 'metrics' | 'gap'>): GapTarget[] {
  return gapMetricKeys.flatMap((key) => {
    const metric = board.metrics.find((m) => m.key === key);
    const goal = metric?.guarantee ?? metric?.strive ?? null;
    if (!metric || goal === null) return [];
    const list = board.gap[key] ?? [];
    return [
      {
        key,
        metric,
        list,
        goalKind: metric.guarantee !== null ? '确保' : '力争',
        left: Math.max(0, goal - (metric.actual ?? 0)),
        adds: list.reduce((sum, g) => sum + g.adds, 0),
      },
    ];
  });
}

/** When a listed project counts: 「计划6月1日签约」, or 「6月1日已签约，月末计入」. */
export function gapWhen(key: GapMetricKey, g: GapProject): string {
  const date = `${Number(g.on.slice(5, 7))}月${Number(g.on.slice(8, 10))}日`;
  return g.reached
    ? `${date}已${milestoneVerbs[key]}，月末计入`
    : `计划${date}${milestoneVerbs[key]}`;
}
