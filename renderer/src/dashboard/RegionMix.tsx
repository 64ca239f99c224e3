// 来源地区: the pipeline (every live project) and the year's signings by source region, as counts
// and amounts. Projects without a country or province yet form their own row when there are any.
import { useMemo } from 'react';
import type { Dashboard, RegionSlice } from '../../../domain/dashboard';
import { regionLabels } from '../../../domain/countries';
import { countText, yiText } from './dashboard-format';
import type { DrillRequest } from './drill';
import { useDrill } from './drill';
import { DrillCell } from './DrillNumber';
import { EChart } from './EChart';
import type { ChartOption } from './echarts-setup';

type Scope = 'pipeline' | 'signed';
const scopeLabels: Record<Scope, string> = { pipeline: '在库项目', signed: '当年签约' };

function regionLabel(region: RegionSlice['region']): string {
  return region === 'unknown' ? '未填地区' : regionLabels[region];
}

function request(scope: Scope, slice: RegionSlice): DrillRequest {
  return {
    title: `来源地区：${regionLabel(slice.region)}的${scopeLabels[scope]}`,
    targets: [{ kind: 'region', scope, region: slice.region }],
    expected: slice.count,
  };
}

export function RegionMix({ dashboard }: { dashboard: Dashboard }) {
  const drill = useDrill();
  const { pipeline, signed } = dashboard.regions;
  const rows = useMemo(
    () =>
      pipeline
        .map((p, i) => ({ pipeline: p, signed: signed[i]! }))
        .filter((r) => r.pipeline.region !== 'unknown' || r.pipeline.count + r.signed.count > 0),
    [pipeline, signed],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 36, top: 30, bottom: 4, containLabel: true },
      legend: { top: 0, data: [scopeLabels.pipeline, scopeLabels.signed] },
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => regionLabel(r.pipeline.region)),
        axisTick: { show: false },
      },
      series: (['pipeline', 'signed'] as const).map((scope) => ({
        name: scopeLabels[scope],
        type: 'bar' as const,
        data: rows.map((r) => r[scope].count),
        label: { show: true, position: 'right' as const, color: '#1f2933' },
        cursor: 'pointer',
      })),
    }),
    [rows],
  );
  if (rows.every((r) => r.pipeline.count === 0)) {
    return (
      <p className="dash-empty">还没有在库项目。填写投资方的国别或省份后，这里按来源地区汇总。</p>
    );
  }
  return (
    <div className="dash-split">
      <EChart
        option={option}
        label="各来源地区的在库项目数和当年签约项目数"
        className="dash-chart-regions"
        onClick={({ seriesIndex, dataIndex }) => {
          const scope: Scope = seriesIndex === 0 ? 'pipeline' : 'signed';
          const row = rows[dataIndex];
          if (row) drill(request(scope, row[scope]));
        }}
      />
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              地区
            </th>
            <th scope="colgroup" colSpan={2} className="group">
              在库项目
            </th>
            <th scope="colgroup" colSpan={2} className="group">
              当年签约
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">
              个
            </th>
            <th scope="col" className="num">
              亿元
            </th>
            <th scope="col" className="num">
              个
            </th>
            <th scope="col" className="num">
              亿元
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pipeline.region}>
              <th scope="row">{regionLabel(r.pipeline.region)}</th>
              {(['pipeline', 'signed'] as const).map((scope) => (
                <Cells key={scope} scope={scope} slice={r[scope]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cells({ scope, slice }: { scope: Scope; slice: RegionSlice }) {
  return (
    <>
      <DrillCell request={request(scope, slice)}>{countText(slice.count)}</DrillCell>
      <DrillCell request={request(scope, slice)}>{yiText(slice.totalCny)}</DrillCell>
    </>
  );
}
