// Which drill-down a metric of the 看板 opens: computed metrics list the projects they count;
// manual metrics are typed in and count no project.
import type { DashboardMetric } from '../../../domain/dashboard';
import { computedMetricKeys, rateMetricKeys } from '../../../domain/dashboard';
import type { ComputedMetricKey, RateMetricKey } from '../../../domain/dashboard';
import type { DrillRequest } from './drill';

const computed: ReadonlySet<string> = new Set(computedMetricKeys);

export function isComputedKey(key: string): key is ComputedMetricKey {
  return computed.has(key);
}

export function metricDrill(metric: DashboardMetric): DrillRequest | null {
  if (metric.mode !== 'computed' || !isComputedKey(metric.key)) return null;
  return {
    title: metric.key === 'landing_rate' ? `${metric.label}：已落地项目` : metric.label,
    targets: [{ kind: 'metric', key: metric.key }],
    // Counts may name a project twice (a project under two 五未 rules); the list names it once.
    expected: metric.unit === 'count' && metric.actual !== null ? metric.actual : undefined,
  };
}

export function cohortDrill(metric: DashboardMetric): DrillRequest {
  const key = (rateMetricKeys as readonly string[]).includes(metric.key)
    ? (metric.key as RateMetricKey)
    : 'landing_rate';
  return {
    title: `${metric.label}：统计范围内的项目`,
    targets: [{ kind: 'cohort', key }],
    expected: metric.cohortCount,
  };
}
