// The projects behind one figure of the 看板 (dashboard.drill with the 看板's year, as-of date and
// office), as a modal list; a row opens the project page.
import { useEffect, useRef, useState } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { stageLabels } from '../../../domain/lifecycle';
import { call, errorText } from '../api/client';
import { useNavigate } from '../shell/navigation';
import type { DashboardQuery } from './use-dashboard';
import type { DrillRequest } from './drill';
import { countText, wanUsdText, yiText } from './dashboard-format';

interface Props {
  query: DashboardQuery;
  request: DrillRequest;
  onClose: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; rows: LedgerRow[] }
  | { state: 'error'; message: string };

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
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let live = true;
    loadRows(query, request).then(
      (rows) => live && setLoad({ state: 'ready', rows }),
      (e: unknown) => live && setLoad({ state: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [query, request]);

  const open = (id: string) => {
    onClose();
    navigate({ screen: 'project', id });
  };

  return (
    <dialog
      ref={ref}
      className="dash-drill"
      aria-labelledby="dash-drill-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dash-drill-head">
        <h2 id="dash-drill-title">{request.title}</h2>
        <span className="dash-drill-count" aria-live="polite">
          {load.state === 'ready' ? `共 ${countText(load.rows.length)} 个项目` : ''}
        </span>
        {load.state === 'ready' &&
        request.expected !== undefined &&
        request.expected !== load.rows.length ? (
          <span className="dash-drill-note">
            看板上的数字为 {countText(request.expected)}：同一项目按多条规则计入时只列一次
          </span>
        ) : null}
        <button type="button" className="secondary-button small" onClick={onClose}>
          关闭
        </button>
      </div>
      {load.state === 'loading' ? <p className="dash-muted">正在读取项目……</p> : null}
      {load.state === 'error' ? (
        <p role="alert" className="error-text">
          读取失败：{load.message}
        </p>
      ) : null}
      {load.state === 'ready' && load.rows.length === 0 ? (
        <p className="dash-empty">这个数字没有计入任何项目。</p>
      ) : null}
      {load.state === 'ready' && load.rows.length > 0 ? (
        <div className="dash-drill-scroll">
          <table className="dash-table dash-drill-table">
            <thead>
              <tr>
                <th scope="col">项目编号</th>
                <th scope="col">项目名称</th>
                <th scope="col">投资方</th>
                <th scope="col">驻点</th>
                <th scope="col">责任人</th>
                <th scope="col">阶段</th>
                <th scope="col" className="num">
                  总投资（亿元）
                </th>
                <th scope="col" className="num">
                  合同外资（万美元）
                </th>
                <th scope="col">签约日期</th>
              </tr>
            </thead>
            <tbody>
              {load.rows.map((row) => (
                <tr
                  key={row.id}
                  className="dash-row-link"
                  tabIndex={0}
                  onClick={() => open(row.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') open(row.id);
                  }}
                >
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </dialog>
  );
}
