// 分类统计: the year's signings and the pipeline by investor group (世界500强, 国内100强, 央企, 上市,
// 知名), 长三角 and ownership; every count opens its projects.
import type { BreakdownRow, Dashboard } from '../../../domain/dashboard';
import { DataTable } from '../ui/DataTable';
import { countText, yiText } from './dashboard-format';
import { DrillCell } from './DrillNumber';
import './key-projects.css';

const head = {
  columns: [
    '类别',
    { label: '当年签约（个）', num: true },
    { label: '签约总投资（亿元）', num: true },
    { label: '在库项目（个）', num: true },
    { label: '在库总投资（亿元）', num: true },
  ],
};

const groupLabels: Record<BreakdownRow['group'], string> = {
  flag: '投资方',
  yrd: '地区',
  ownership: '企业性质',
};

export function Breakdowns({ dashboard }: { dashboard: Dashboard }) {
  return (
    <DataTable className="dash-table dash-breakdowns" head={head}>
      {dashboard.breakdowns.map((r, i) => {
        const first = i === 0 || dashboard.breakdowns[i - 1]!.group !== r.group;
        return (
          <tr key={r.key} className={first ? 'dash-group-start' : undefined}>
            <th scope="row" className="nowrap">
              <span className="dash-muted">{groupLabels[r.group]} · </span>
              {r.label}
            </th>
            <DrillCell
              request={{
                title: `${r.label}：当年签约项目`,
                targets: [{ kind: 'breakdown', key: r.key, scope: 'signed' }],
                expected: r.signed,
              }}
            >
              {countText(r.signed)}
            </DrillCell>
            <td className="num">{yiText(r.signedCny)}</td>
            <DrillCell
              request={{
                title: `${r.label}：在库项目`,
                targets: [{ kind: 'breakdown', key: r.key, scope: 'pipeline' }],
                expected: r.pipeline,
              }}
            >
              {countText(r.pipeline)}
            </DrillCell>
            <td className="num">{yiText(r.pipelineCny)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
