// 开工率, 竣工率, 资金到位率 and 履约率: each rate with its numerator and cohort (both open their
// projects) and its definition in a line, as docs/domain.md words it.
import type { Dashboard, DashboardMetric } from '../../../domain/dashboard';
import { countText, metricNumber, wanUsdText } from './dashboard-format';
import { DrillNumber } from './DrillNumber';
import { cohortDrill, metricDrill } from './metric-drill';
import './key-projects.css';

const definitions: Record<string, string> = {
  rate_started: '当年签约项目中已开工的比例',
  rate_completed: '当年签约项目中已竣工的比例',
  rate_funds: '当年签约外资项目实到外资 ÷ 合同外资',
  rate_fulfilled: '约定开工日期已到的项目中按期开工的比例',
};

function RateCard({ metric }: { metric: DashboardMetric }) {
  const cohort = metric.cohortCount ?? 0;
  const money = metric.key === 'rate_funds';
  return (
    <div className="dash-card dash-rate" data-metric={metric.key}>
      <div className="dash-card-label">{metric.label}</div>
      <div className="dash-card-value">
        {cohort === 0 ? '—' : metricNumber('percent', metric.actual)}
        <span className="dash-card-unit">%</span>
      </div>
      <div className="dash-rate-ratio">
        {money ? (
          <>
            {wanUsdText(metric.amount ?? 0)} / {wanUsdText(metric.base ?? 0)} 万美元（
            <DrillNumber request={metricDrill(metric)!}>
              {countText(metric.count ?? 0)}
            </DrillNumber>{' '}
            / <DrillNumber request={cohortDrill(metric)}>{countText(cohort)}</DrillNumber> 个）
          </>
        ) : (
          <>
            <DrillNumber request={metricDrill(metric)!}>{countText(metric.count ?? 0)}</DrillNumber>{' '}
            / <DrillNumber request={cohortDrill(metric)}>{countText(cohort)}</DrillNumber> 个
          </>
        )}
      </div>
      <p className="dash-definition">{definitions[metric.key]}</p>
    </div>
  );
}

export function RateCards({ dashboard }: { dashboard: Dashboard }) {
  const rates = ['rate_started', 'rate_completed', 'rate_funds', 'rate_fulfilled']
    .map((key) => dashboard.metrics.find((m) => m.key === key))
    .filter((m): m is DashboardMetric => m !== undefined);
  return (
    <div className="dash-rates" aria-label="开工率、竣工率、资金到位率、履约率">
      {rates.map((m) => (
        <RateCard key={m.key} metric={m} />
      ))}
    </div>
  );
}
