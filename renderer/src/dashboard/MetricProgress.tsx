// 目标完成情况: every target of the year (computed and manual) with its actual, a bar against 确保 and
// 力争, the 序时进度 marker and the gap. Computed actuals open their projects; manual ones are typed.
import type { Dashboard, DashboardMetric } from '../../../domain/dashboard';
import { metricText, percentText } from './dashboard-format';
import { DrillNumber } from './DrillNumber';
import { MetricBar } from './MetricBar';
import { metricDrill } from './metric-drill';
import { LightBadge } from './LightBadge';
import { ScheduleGap } from './ScheduleGap';

function Actual({ metric }: { metric: DashboardMetric }) {
  // A rate over an empty cohort has no value, whatever the service puts in its place.
  const empty = metric.cohortCount === 0;
  const text = empty ? '—' : metricText(metric.unit, metric.actual);
  const request = metricDrill(metric);
  if (!request) {
    return (
      <span className="dash-metric-actual manual" title="手工填报的实际值">
        {metric.actual === null ? '未填报' : text}
      </span>
    );
  }
  return (
    <DrillNumber request={request} className="dash-metric-actual">
      {text}
    </DrillNumber>
  );
}

function Targets({ metric }: { metric: DashboardMetric }) {
  const parts: string[] = [];
  if (metric.guarantee !== null) parts.push(`确保 ${metricText(metric.unit, metric.guarantee)}`);
  if (metric.strive !== null) parts.push(`力争 ${metricText(metric.unit, metric.strive)}`);
  return (
    <span className="dash-metric-targets">{parts.length ? parts.join(' · ') : '未设目标'}</span>
  );
}

function Completion({ metric }: { metric: DashboardMetric }) {
  if (metric.key === 'stalled_zero') {
    return (
      <span className={metric.actual ? 'dash-gap dash-gap-behind' : 'dash-gap dash-gap-ahead'}>
        {metric.actual ? `尚余 ${metric.actual} 个未清零` : '已清零'}
      </span>
    );
  }
  const parts: string[] = [];
  if (metric.guaranteeCompletion !== null) {
    parts.push(`确保完成 ${percentText(metric.guaranteeCompletion)}`);
  }
  if (metric.striveCompletion !== null && metric.strive !== metric.guarantee) {
    parts.push(`力争完成 ${percentText(metric.striveCompletion)}`);
  }
  return (
    <span className="dash-metric-completion">
      {parts.join(' · ')} <ScheduleGap points={metric.scheduleGap} />
    </span>
  );
}

export function MetricProgress({ dashboard }: { dashboard: Dashboard }) {
  return (
    <ul className="dash-metrics" aria-label="各项目标完成情况">
      {dashboard.metrics.map((metric) => (
        <li key={metric.key} className="dash-metric">
          <div className="dash-metric-head">
            <span className="dash-metric-label" title={metric.label}>
              {metric.label}
            </span>
            {metric.mode === 'manual' ? <span className="dash-tag">手工</span> : null}
            <LightBadge light={metric.light} />
            <Actual metric={metric} />
          </div>
          <MetricBar metric={metric} schedule={dashboard.schedule} />
          <div className="dash-metric-foot">
            <Targets metric={metric} />
            <Completion metric={metric} />
          </div>
        </li>
      ))}
    </ul>
  );
}
