// 年度重点推进项目: the 区重点 and 市级 lists against the plan's counts and money, 新批技改项目, and
// every key project's 完成投资 against its 年度计划投资 with its light against 序时 (furthest behind
// first); a row opens the project, where the plan and the monthly figures are entered.
import type { Dashboard, DashboardMetric } from '../../../domain/dashboard';
import { useNavigate } from '../shell/navigation';
import { DataTable } from '../ui/DataTable';
import { countText, metricText, percentText, yiText } from './dashboard-format';
import { DrillNumber } from './DrillNumber';
import { LightBadge } from './LightBadge';
import { LinkRow } from './LinkRow';
import { metricDrill } from './metric-drill';
import { ScheduleGap } from './ScheduleGap';
import './key-projects.css';

const head = {
  columns: [
    '项目',
    '级别',
    { label: '年度计划投资（亿元）', num: true },
    { label: '完成投资（亿元）', num: true },
    { label: '完成率', num: true },
    '与序时相比',
  ],
};

function Summary({
  title,
  count,
  money,
}: {
  title: string;
  count: DashboardMetric | undefined;
  money: DashboardMetric | undefined;
}) {
  if (!count || !money) return null;
  const countGoal = count.guarantee ?? count.strive;
  const moneyGoal = money.guarantee ?? money.strive;
  return (
    <div className="dash-card dash-key-summary" data-metric={money.key}>
      <div className="dash-card-label">{title}</div>
      <div className="dash-key-line">
        <DrillNumber request={metricDrill(count)!}>{countText(count.actual ?? 0)}</DrillNumber> 个
        {countGoal !== null ? (
          <span className="dash-muted"> / 目标 {countText(countGoal)} 个</span>
        ) : null}
      </div>
      <div className="dash-key-line">
        完成投资{' '}
        <DrillNumber request={metricDrill(money)!}>{yiText(money.actual ?? 0)}</DrillNumber> 亿元
        {moneyGoal !== null ? (
          <span className="dash-muted">
            {' '}
            / 目标 {metricText('cny', moneyGoal)}（
            {percentText(money.guaranteeCompletion ?? money.striveCompletion)}）
          </span>
        ) : null}
      </div>
      <div className="dash-key-line dash-muted">
        各项目年度计划投资合计 {yiText(money.base ?? 0)} 亿元
      </div>
      <div>
        <ScheduleGap points={money.scheduleGap} /> <LightBadge light={money.light} />
      </div>
    </div>
  );
}

export function KeyProjects({ dashboard }: { dashboard: Dashboard }) {
  const navigate = useNavigate();
  const m = (key: string) => dashboard.metrics.find((x) => x.key === key);
  const tech = m('tech_renovation');
  const rows = dashboard.keyProjects;
  return (
    <>
      <div className="dash-key-cards">
        <Summary
          title="区重点项目"
          count={m('annual_projects')}
          money={m('key_projects_investment')}
        />
        <Summary
          title="市级项目"
          count={m('city_projects')}
          money={m('city_projects_investment')}
        />
        {tech ? (
          <div className="dash-card dash-key-summary" data-metric="tech_renovation">
            <div className="dash-card-label">新批技改项目</div>
            <div className="dash-key-line">
              <DrillNumber request={metricDrill(tech)!}>{countText(tech.actual ?? 0)}</DrillNumber>{' '}
              个
              {tech.strive !== null || tech.guarantee !== null ? (
                <span className="dash-muted">
                  {' '}
                  / {tech.guarantee !== null ? '确保' : '力争'}{' '}
                  {countText((tech.guarantee ?? tech.strive)!)} 个
                </span>
              ) : null}
            </div>
            <div className="dash-key-line dash-muted">按技改批复日期计入当年</div>
            <div>
              <ScheduleGap points={tech.scheduleGap} /> <LightBadge light={tech.light} />
            </div>
          </div>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="dash-empty">
          {dashboard.year}{' '}
          年还没有重点项目：在项目页的「重点项目投资」中勾选区重点、市级或省级并填写年度计划投资。
        </p>
      ) : (
        <DataTable className="dash-table dash-key-table" scroll="dash-key-scroll" head={head}>
          {rows.map((r) => (
            <LinkRow
              key={r.projectId}
              onOpen={() => navigate({ screen: 'project', id: r.projectId })}
            >
              <td className="dash-name" title={r.name}>
                {r.code ? <span className="dash-code">{r.code}</span> : null}
                {r.name}
              </td>
              <td className="nowrap">
                {[r.district ? '区重点' : null, r.city ? '市级' : null, r.province ? '省级' : null]
                  .filter(Boolean)
                  .join('、')}
              </td>
              <td className="num">{r.planned === null ? '未填' : yiText(r.planned)}</td>
              <td className="num">{yiText(r.completed)}</td>
              <td className="num">{percentText(r.completion)}</td>
              <td className="nowrap">
                <ScheduleGap points={r.scheduleGap} /> <LightBadge light={r.light} />
              </td>
            </LinkRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
