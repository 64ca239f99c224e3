// 看板: the year's targets against 确保, 力争 and 序时进度 for the zone or one office on an as-of date,
// with the funnel, region mix, rankings, 五未 list and monthly trend. Every number opens the list of
// the projects it counts (DrillDialog). The chosen year, date and office survive leaving the screen.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../../domain/dashboard';
import { labelOf, offices } from '../../../domain/vocabulary';
import { ErrorBanner } from '../ui/Alert';
import { DashboardPickers } from './DashboardPickers';
import type { DrillRequest } from './drill';
import { DrillContext } from './drill';
import { MonthlyReportButton } from './MonthlyReportButton';
import { DrillDialog } from './DrillDialog';
import { GapList } from './GapList';
import { Breakdowns } from './Breakdowns';
import { KeyFigures } from './KeyFigures';
import { KeyProjects } from './KeyProjects';
import { RateCards } from './RateCards';
import { MetricProgress } from './MetricProgress';
import { MonthlyTrend } from './MonthlyTrend';
import { PipelineFunnel } from './PipelineFunnel';
import { Ranking } from './Ranking';
import { RegionMix } from './RegionMix';
import { MissingRates } from './MissingRates';
import { ScheduleNote } from './ScheduleNote';
import { StalledList } from './StalledList';
import type { DashboardQuery } from './dashboard-input';
import { useDashboard } from './use-dashboard';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import './dashboard.css';

let remembered: DashboardQuery = { year: new Date().getFullYear() };

export function DashboardScreen() {
  const [query, setQueryState] = useState<DashboardQuery>(remembered);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const { dashboard, loading, error } = useDashboard(query);
  const setQuery = (next: DashboardQuery) => {
    remembered = next;
    setQueryState(next);
  };

  return (
    <DrillContext.Provider value={setDrill}>
      <section className="dash-screen" aria-labelledby="dash-title" aria-busy={loading}>
        <header className="dash-head">
          <ScreenTitle id="dash-title">看板</ScreenTitle>
          <DashboardPickers query={query} onChange={setQuery} />
          {dashboard ? <Scope dashboard={dashboard} /> : null}
          <div className="dash-actions">
            <GoButton
              className="secondary-button small"
              to={{ screen: 'targets', year: query.year }}
            >
              目标设置
            </GoButton>
            {/* A year not started yet has no month to report. */}
            {dashboard && dashboard.yearStatus !== 'not_started' ? (
              <MonthlyReportButton scope={dashboard} />
            ) : null}
            <button type="button" className="secondary-button small" onClick={() => window.print()}>
              打印
            </button>
          </div>
        </header>
        <ErrorBanner error={error} prefix="看板读取失败：" />
        {dashboard ? (
          <Body dashboard={dashboard} />
        ) : loading ? (
          <p className="dash-muted">正在计算……</p>
        ) : null}
      </section>
      {drill ? <DrillDialog query={query} request={drill} onClose={() => setDrill(null)} /> : null}
    </DrillContext.Provider>
  );
}

function Scope({ dashboard }: { dashboard: Dashboard }) {
  const office = dashboard.office ? labelOf(offices, dashboard.office) : '全区';
  return (
    <p className="dash-scope">
      <span className="dash-print-only">
        {dashboard.year}年 · {office} ·{' '}
      </span>
      截至 {dashboard.asOf} · <ScheduleNote dashboard={dashboard} />
    </p>
  );
}

/**
 * False for the first frame of the screen, then true: what lies below the first screenful waits
 * one frame, so the figures a leader opens the 看板 for paint without waiting for the rest.
 */
function useAfterFirstFrame(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return ready;
}

function Body({ dashboard }: { dashboard: Dashboard }) {
  const rest = useAfterFirstFrame();
  const hasTargets = dashboard.metrics.some((m) => m.guarantee !== null || m.strive !== null);
  return (
    <div className="dash-body">
      {hasTargets ? null : (
        <div className="dash-notice">
          {dashboard.year} 年{dashboard.office ? `${labelOf(offices, dashboard.office)}驻点` : ''}
          还没有目标。
          <GoButton className="link-button" to={{ screen: 'targets', year: dashboard.year }}>
            去「目标设置」录入目标或从上一年复制
          </GoButton>
          ，看板就能显示完成率和序时进度。
        </div>
      )}
      <MissingRates dashboard={dashboard} />
      <KeyFigures dashboard={dashboard} />
      <Panel
        title="目标完成情况"
        hint={`竖线为确保目标，虚线为序时进度；落后序时 ${dashboard.lightThresholds.yellow}–${dashboard.lightThresholds.red} 个百分点亮黄灯，超过 ${dashboard.lightThresholds.red} 个百分点亮红灯；点数字查看计入的项目。`}
      >
        <MetricProgress dashboard={dashboard} />
      </Panel>
      {rest ? <BelowTheFold dashboard={dashboard} /> : null}
    </div>
  );
}

function BelowTheFold({ dashboard }: { dashboard: Dashboard }) {
  return (
    <>
      <Panel
        title="开工率 · 竣工率 · 资金到位率 · 履约率"
        hint="点分子、分母查看项目；口径见各卡片。"
      >
        <RateCards dashboard={dashboard} />
      </Panel>
      <Panel
        title="年度重点推进项目"
        hint="完成投资按月累计，与序时相比亮灯；点一行打开项目填写计划与月度完成。"
      >
        <KeyProjects dashboard={dashboard} />
      </Panel>
      <Panel
        title="补差清单"
        hint="各项目标还差多少，年内计划签约、开工、竣工的项目可补多少；点一行打开项目。"
      >
        <GapList dashboard={dashboard} />
      </Panel>
      <div className="two-columns">
        <Panel title="项目漏斗">
          <PipelineFunnel dashboard={dashboard} />
        </Panel>
        <Panel title="来源地区">
          <RegionMix dashboard={dashboard} />
        </Panel>
      </div>
      <Panel
        title="分类统计"
        hint="投资方（含其母公司）为世界500强等的项目、长三角项目、按企业性质；点数字查看项目。"
      >
        <Breakdowns dashboard={dashboard} />
      </Panel>
      <Panel title="月度趋势" hint="柱：当月签约项目数；线：累计完成目标的比例，虚线为序时进度。">
        <MonthlyTrend dashboard={dashboard} />
      </Panel>
      <Panel
        title="驻点排名"
        hint="以项目论英雄：当年签约项目按规模档次、金额和落地情况；名次按首报首谈认定业绩。"
      >
        <Ranking dashboard={dashboard} by="office" />
      </Panel>
      <Panel title="招商人员排名" hint="以商引商、委托招商按分成比例计入认定业绩。">
        <Ranking dashboard={dashboard} by="promoter" />
      </Panel>
      <Panel title="“五未”项目" hint="点一行打开项目。">
        <StalledList dashboard={dashboard} />
      </Panel>
    </>
  );
}

function Panel({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="dash-panel" aria-label={title}>
      <h2 className="dash-panel-title">
        {title}
        {hint ? <span className="dash-panel-hint">{hint}</span> : null}
      </h2>
      {children}
    </section>
  );
}
