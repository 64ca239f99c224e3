// 项目漏斗: projects by stage on the as-of date (counts and amounts), how many got at least that far,
// and the conversion from the previous stage. "At least that far" is the union of the later stages.
import { useMemo } from 'react';
import type { Dashboard, FunnelStage } from '../../../domain/dashboard';
import { stageLabels } from '../../../domain/lifecycle';
import { countText, percentText, yiText } from './dashboard-format';
import type { DrillRequest } from './drill';
import { useDrill } from './drill';
import { DataTable } from '../ui/DataTable';
import { DrillCell } from './DrillNumber';
import { EChart } from './EChart';
import type { ChartOption } from './echarts-setup';

const head = {
  columns: [
    '阶段',
    ...['当前（个）', '总投资（亿元）', '累计到达', '转化率'].map((label) => ({
      label,
      num: true,
    })),
  ],
};

function atStage(f: FunnelStage): DrillRequest {
  return {
    title: `项目漏斗：当前处于「${stageLabels[f.stage]}」阶段的项目`,
    targets: [{ kind: 'funnel', stage: f.stage }],
    expected: f.count,
  };
}

function reachedStage(funnel: FunnelStage[], index: number): DrillRequest {
  const f = funnel[index]!;
  return {
    title: `项目漏斗：已到「${stageLabels[f.stage]}」及以后阶段的项目`,
    targets: funnel.slice(index).map((s) => ({ kind: 'funnel', stage: s.stage })),
    expected: f.reached,
  };
}

export function PipelineFunnel({ dashboard }: { dashboard: Dashboard }) {
  const { funnel } = dashboard;
  const drill = useDrill();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: funnel.map((f) => stageLabels[f.stage]),
        axisTick: { show: false },
      },
      series: [
        {
          name: '已到该阶段及以后',
          type: 'bar',
          data: funnel.map((f) => f.reached),
          barWidth: '62%',
          label: { show: true, position: 'right', color: '#1f2933' },
          cursor: 'pointer',
        },
      ],
    }),
    [funnel],
  );
  const total = funnel[0]?.reached ?? 0;
  if (total === 0) {
    return (
      <p className="dash-empty">
        还没有在库项目。在「台账」中新建项目后，这里显示各阶段的项目数和转化率。
      </p>
    );
  }
  return (
    <div className="dash-split">
      <EChart
        option={option}
        label="各阶段累计到达的项目数"
        className="dash-chart-funnel"
        onClick={({ dataIndex }) => drill(reachedStage(funnel, dataIndex))}
      />
      <DataTable className="dash-table" head={head}>
        {funnel.map((f, i) => (
          <tr key={f.stage}>
            <th scope="row">{stageLabels[f.stage]}</th>
            <DrillCell request={atStage(f)}>{countText(f.count)}</DrillCell>
            <DrillCell request={atStage(f)}>{yiText(f.totalCny)}</DrillCell>
            <DrillCell request={reachedStage(funnel, i)}>{countText(f.reached)}</DrillCell>
            {f.conversion === null ? (
              <td className="num">—</td>
            ) : (
              <DrillCell request={reachedStage(funnel, i)}>{percentText(f.conversion)}</DrillCell>
            )}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
