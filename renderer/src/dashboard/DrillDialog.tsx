// The projects behind one figure of the 看板 (dashboard.drill with the 看板's year, as-of date and
// office), as a modal list; a row opens the project page.
import type { LedgerRow } from '../../../domain/ledger';
import { stageLabels } from '../../../domain/lifecycle';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { ErrorText } from '../ui/Alert';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { useLoad } from '../ui/use-load';
import type { DashboardQuery } from './dashboard-input';
import type { DrillRequest } from './drill';
import { countText, wanUsdText, yiText } from './dashboard-format';
import { LinkRow } from './LinkRow';

const head = {
  columns: [
    '项目编号',
    '项目名称',
    '投资方',
    '驻点',
    '责任人',
    '阶段',
    { label: '总投资（亿元）', num: true },
    { label: '合同外资（万美元）', num: true },
    '签约日期',
  ],
};

interface Props {
  query: DashboardQuery;
  request: DrillRequest;
  onClose: () => void;
}

async function loadRows(query: DashboardQuery, request: DrillRequest): Promise<LedgerRow[]> {
  const lists = await Promise.all(
    request.targets.map((target) => call('dashboard.drill', { ...query, target })),
  );
  const seen = new Set<string>();
  const rows: LedgerRow[] = [];
  for (const row of lists.flat()) {
    if (seen.has(row.id) || (request.keep && !request.keep(row))) continue;
    seen.add(row.id);
    rows.push(row);
  }
  if (lists.length > 1) {
    rows.sort((a, b) => (b.totalInvestmentCny ?? -1) - (a.totalInvestmentCny ?? -1));
  }
  return rows;
}

export function DrillDialog({ query, request, onClose }: Props) {
  const navigate = useNavigate();
  // One dialog per request: what it shows is read once, when it opens.
  const loaded = useLoad(() => loadRows(query, request), []);
  const rows = loaded.data;

  const open = (id: string) => {
    onClose();
    navigate({ screen: 'project', id });
  };

  return (
    <Dialog className="dash-drill" labelledBy="dash-drill-title" onCancel={onClose}>
      <div className="dash-drill-head">
        <h2 id="dash-drill-title">{request.title}</h2>
        <span className="dash-drill-count" aria-live="polite">
          {rows ? `共 ${countText(rows.length)} 个项目` : ''}
        </span>
        {rows && request.expected !== undefined && request.expected !== rows.length ? (
          <span className="dash-drill-note">
            看板上的数字为 {countText(request.expected)}：同一项目按多条规则计入时只列一次
          </span>
        ) : null}
        <button type="button" className="secondary-button small" onClick={onClose}>
          关闭
        </button>
      </div>
      {loaded.loading ? <p className="dash-muted">正在读取项目……</p> : null}
      <ErrorText error={loaded.error} prefix="读取失败：" />
      {rows && rows.length === 0 ? <p className="dash-empty">这个数字没有计入任何项目。</p> : null}
      {rows && rows.length > 0 ? (
        <DataTable className="dash-table dash-drill-table" scroll="dash-drill-scroll" head={head}>
          {rows.map((row) => (
            <LinkRow key={row.id} onOpen={() => open(row.id)}>
              <td className="nowrap">{row.code ?? ''}</td>
              <td className="dash-name" title={row.name}>
                {row.name}
              </td>
              <td className="dash-name" title={row.investor ?? undefined}>
                {row.investor ?? ''}
              </td>
              <td className="nowrap">{row.office ?? ''}</td>
              <td className="nowrap">{row.owner ?? ''}</td>
              <td className="nowrap">{stageLabels[row.stage]}</td>
              <td className="num">
                {row.totalInvestmentCny === null ? '' : yiText(row.totalInvestmentCny)}
              </td>
              <td className="num">
                {row.contractedFdiUsd === null ? '' : wanUsdText(row.contractedFdiUsd)}
              </td>
              <td className="nowrap">{row.signedOn ?? ''}</td>
            </LinkRow>
          ))}
        </DataTable>
      ) : null}
    </Dialog>
  );
}
