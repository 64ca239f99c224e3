// 月度趋势: signings per month (bars) and the cumulative completion of the money targets (lines)
// against the 序时 line (month ÷ 12), up to the as-of month; the table below gives each month's
// figures, each opening its projects.
import { useMemo } from 'react';
import type { Dashboard, DashboardMetric, TrendMonth } from '../../../domain/dashboard';
import { countText, wanUsdText, yiText } from './dashboard-format';
import type { DrillRequest } from './drill';
import { useDrill } from './drill';
import { DataTable } from '../ui/DataTable';
import { DrillCell } from './DrillNumber';
import { EChart } from './EChart';
import type { ChartOption } from './echarts-setup';

type Series = 'signed' | 'contracted' | 'paid_in_fdi' | 'domestic_capital';

const rowsOf: {
  series: Series;
  label: string;
  value: (t: TrendMonth) => number;
  text: (n: number) => string;
}[] = [
  { series: 'signed', label: '签约项目（个）', value: (t) => t.signed, text: countText },
  {
    series: 'contracted',
    label: '合同外资（万美元）',
    value: (t) => t.contractedFdiUsd,
    text: wanUsdText,
  },
  {
    series: 'paid_in_fdi',
    label: '实到外资（万美元）',
    value: (t) => t.paidInFdiUsd,
    text: wanUsdText,
  },
  {
    series: 'domestic_capital',
    label: '市外内资（亿元）',
    value: (t) => t.domesticCny,
    text: yiText,
  },
];

const seriesTitles: Record<Series, string> = {
  signed: '签约项目',
  contracted: '签约项目的合同外资',
  paid_in_fdi: '实到外资的到资项目',
  domestic_capital: '市外内资的到资项目',
};

function monthRequest(series: Series, month: number, expected?: number): DrillRequest {
  return {
    title: `${month}月${seriesTitles[series]}`,
    targets: [{ kind: 'trend', month, series: series === 'contracted' ? 'signed' : series }],
    keep: series === 'contracted' ? (row) => (row.contractedFdiUsd ?? 0) > 0 : undefined,
    expected,
  };
}

const percentValue = (v: unknown) =>
  v === null || v === undefined || v === '-' ? '—' : `${String(v)}%`;

/** The months the year's figures count (by days a partial month too): the lines stop there. */
function monthsShown(dashboard: Dashboard): number {
  const through = dashboard.actualsThrough;
  return through === null ? 0 : Number(through.slice(5, 7));
}

function cumulativePercent(
  trend: TrendMonth[],
  metric: DashboardMetric | undefined,
  value: (t: TrendMonth) => number,
  shown: number,
): (number | null)[] | null {
  const goal = metric?.guarantee ?? metric?.strive ?? null;
  if (!goal) return null;
  let sum = 0;
  return trend.map((t, i) => {
    sum += value(t);
    return i < shown ? Math.round((sum / goal) * 1000) / 10 : null;
  });
}

export function MonthlyTrend({ dashboard }: { dashboard: Dashboard }) {
  const drill = useDrill();
  const { trend, metrics } = dashboard;
  const shown = monthsShown(dashboard);
  const lines = useMemo(() => {
    const m = (key: string) => metrics.find((x) => x.key === key);
    return [
      {
        name: '合同外资累计完成',
        data: cumulativePercent(trend, m('contracted_fdi'), (t) => t.contractedFdiUsd, shown),
      },
      {
        name: '实到外资累计完成',
        data: cumulativePercent(trend, m('paid_in_fdi'), (t) => t.paidInFdiUsd, shown),
      },
      {
        name: '市外内资累计完成',
        data: cumulativePercent(trend, m('domestic_capital'), (t) => t.domesticCny, shown),
      },
    ].filter((l): l is { name: string; data: (number | null)[] } => l.data !== null);
  }, [trend, metrics, shown]);

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
      legend: { top: 0 },
      xAxis: { type: 'category', data: trend.map((t) => `${t.month}月`) },
      yAxis: [
        { type: 'value', name: '签约（个）', minInterval: 1, nameTextStyle: { align: 'left' } },
        {
          type: 'value',
          name: '完成率（%）',
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
          nameTextStyle: { align: 'right' },
        },
      ],
      series: [
        {
          name: '当月签约项目',
          type: 'bar',
          data: trend.map((t) => t.signed),
          barMaxWidth: 26,
          cursor: 'pointer',
          tooltip: { valueFormatter: (v) => `${String(v)} 个` },
        },
        ...lines.map((l) => ({
          name: l.name,
          type: 'line' as const,
          yAxisIndex: 1,
          data: l.data,
          symbolSize: 6,
          tooltip: { valueFormatter: percentValue },
        })),
        {
          name: '序时进度',
          type: 'line',
          yAxisIndex: 1,
          data: trend.map((t) => Math.round((t.month / 12) * 1000) / 10),
          lineStyle: { type: 'dashed', color: '#69768a', width: 2 },
          tooltip: { valueFormatter: percentValue },
          itemStyle: { color: '#69768a' },
          symbol: 'none',
        },
      ],
    }),
    [trend, lines],
  );

  return (
    <div className="dash-trend">
      <EChart
        option={option}
        label="每月签约项目数，以及合同外资、实到外资、市外内资的累计完成率与序时进度"
        className="dash-chart-trend"
        onClick={({ seriesIndex, dataIndex }) => {
          const t = trend[dataIndex];
          if (seriesIndex === 0 && t) drill(monthRequest('signed', t.month, t.signed));
        }}
      />
      <DataTable
        className="dash-table dash-trend-table"
        scroll="dash-trend-table-wrap"
        head={{ columns: ['月份', ...trend.map((t) => ({ label: `${t.month}月`, num: true }))] }}
      >
        {rowsOf.map((row) => (
          <tr key={row.series}>
            <th scope="row">{row.label}</th>
            {trend.map((t) => {
              const value = row.value(t);
              const expected = row.series === 'signed' ? value : undefined;
              return (
                <DrillCell
                  key={t.month}
                  className={value === 0 ? 'dash-zero' : undefined}
                  request={monthRequest(row.series, t.month, expected)}
                >
                  {row.text(value)}
                </DrillCell>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
