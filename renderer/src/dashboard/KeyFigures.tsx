// The figures leaders ask for first: money (合同外资, 实到外资, 市外内资), signings by tier, 落地率 of the
// 省市县长工程 cohort with its definition, 开工/竣工 and the 五未 count. Each number opens its projects.
import type { Dashboard, DashboardMetric } from '../../../domain/dashboard';
import { landingCohortLabels, stageLabels } from '../../../domain/lifecycle';
import { countText, metricNumber, metricText, unitLabels } from './dashboard-format';
import { DrillNumber } from './DrillNumber';
import { cohortDrill, metricDrill } from './metric-drill';
import { LightBadge } from './LightBadge';
import { ScheduleGap } from './ScheduleGap';

function Card({ metric, caption }: { metric: DashboardMetric | undefined; caption?: string }) {
  if (!metric) return null;
  const request = metricDrill(metric);
  const goal = metric.guarantee ?? metric.strive;
  const number = metricNumber(metric.unit, metric.actual);
  // A seven-digit 万美元 figure and its unit overflow a card at 1280 wide: set smaller, not cut.
  const long = number.length > 8;
  return (
    <div className="dash-card" data-metric={metric.key}>
      <div className="dash-card-label">{caption ?? metric.label}</div>
      <div className={long ? 'dash-card-value long' : 'dash-card-value'}>
        {request ? <DrillNumber request={request}>{number}</DrillNumber> : number}
        <span className="dash-card-unit">{unitLabels[metric.unit]}</span>
      </div>
      <div className="dash-card-goal">
        {metric.key === 'stalled_zero'
          ? '力争清零'
          : goal === null
            ? '未设目标'
            : `${metric.guarantee !== null ? '确保' : '力争'} ${metricText(metric.unit, goal)}`}
      </div>
      <ScheduleGap points={metric.scheduleGap} /> <LightBadge light={metric.light} />
    </div>
  );
}

function LandingCard({ dashboard }: { dashboard: Dashboard }) {
  const rate = dashboard.metrics.find((m) => m.key === 'landing_rate');
  if (!rate) return null;
  const landed = rate.count ?? 0;
  const cohort = rate.cohortCount ?? 0;
  const { milestone, cohort: cohortKey } = dashboard.landingRule;
  return (
    <div className="dash-card dash-card-wide" data-metric="landing_rate">
      <div className="dash-card-label">“省市县长工程”落地率</div>
      <div className="dash-card-value">
        {cohort === 0 ? '—' : metricNumber('percent', rate.actual)}
        <span className="dash-card-unit">%</span>
        <span className="dash-card-ratio">
          （<DrillNumber request={metricDrill(rate)!}>{countText(landed)}</DrillNumber> /{' '}
          <DrillNumber request={cohortDrill(rate)}>{countText(cohort)}</DrillNumber>）
        </span>
      </div>
      <div className="dash-card-goal">
        {rate.guarantee === null ? '未设目标' : `确保 ${rate.guarantee}%`}
      </div>
      <p className="dash-definition">
        口径：{landingCohortLabels[cohortKey]}中的“省市县长工程”项目（总投资 10
        亿元以上），截至所选日期已达「
        {stageLabels[milestone]}」的所占比例（可在设置中修改）。
      </p>
    </div>
  );
}

export function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const m = (key: string) => dashboard.metrics.find((x) => x.key === key);
  return (
    <div className="dash-cards">
      <Card metric={m('contracted_fdi')} caption="合同外资（万美元）" />
      <Card metric={m('paid_in_fdi')} caption="实到外资（万美元）" />
      <Card metric={m('domestic_capital')} caption="市外内资（亿元）" />
      <Card metric={m('tier_100yi')} caption="百亿项目" />
      <Card metric={m('tier_50_100yi')} caption="50–100亿元项目" />
      <Card metric={m('tier_10_50yi')} caption="10–50亿元项目" />
      <Card metric={m('tier_1yi_industrial')} caption="亿元以上产业项目" />
      <Card metric={m('leader_projects')} caption="省市县长工程项目" />
      <LandingCard dashboard={dashboard} />
      <Card metric={m('started_1yi')} caption="亿元以上开工" />
      <Card metric={m('completed_1yi')} caption="亿元以上竣工" />
      <Card metric={m('stalled_zero')} caption="“五未”项目" />
    </div>
  );
}
