// One target as a bar: the actual against 确保 and 力争 (ticks), with the 序时进度 marker where the
// metric accumulates over the year. The scale is the larger target; an actual beyond it fills the bar.
import type { DashboardMetric } from '../../../domain/dashboard';

interface Props {
  metric: DashboardMetric;
  /** null before the year starts: no 序时 marker. */
  schedule: number | null;
}

const pct = (x: number) => `${Math.max(0, Math.min(100, x * 100))}%`;

export function MetricBar({ metric, schedule }: Props) {
  const { guarantee, strive, actual, scheduleGap } = metric;
  const scale = Math.max(guarantee ?? 0, strive ?? 0);
  if (scale <= 0) return null;
  const reference = guarantee ?? strive ?? scale;
  const fill = actual === null ? 0 : actual / scale;
  const behind = scheduleGap !== null && scheduleGap < 0;
  return (
    <div className="dash-bar" aria-hidden="true">
      <div
        className={behind ? 'dash-bar-fill behind' : 'dash-bar-fill'}
        style={{ width: pct(fill) }}
      />
      {guarantee !== null && guarantee !== scale ? (
        <span
          className="dash-tick guarantee"
          style={{ left: pct(guarantee / scale) }}
          title="确保"
        />
      ) : null}
      {scheduleGap !== null && schedule !== null ? (
        <span
          className="dash-tick schedule"
          style={{ left: pct((schedule * reference) / scale) }}
          title="序时进度"
        />
      ) : null}
    </div>
  );
}
