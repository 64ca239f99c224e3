// 应报未报 in 数据质量: the live projects over 本部's 首报首谈 thresholds whose project and investor
// both lack a holder claim (claim.unclaimed), each opening its project page at 首报首谈.
import type { UnclaimedProject } from '../../../domain/claims';
import { call } from '../api/client';
import { GoButton } from '../ui/GoButton';
import { useLoad } from '../ui/use-load';
import { QualityTable } from './QualityTable';

const yi = (cny: number) => `${Number((cny / 1e8).toFixed(2))} 亿元`;
const wanUsd = (usd: number) => `${Number((usd / 1e4).toFixed(0))} 万美元`;

function amountText(p: UnclaimedProject): string {
  const parts = [
    p.totalCny === null ? null : `总投资 ${yi(p.totalCny)}`,
    p.contractedFdiUsd === null ? null : `合同外资 ${wanUsd(p.contractedFdiUsd)}`,
  ];
  return parts.filter((x) => x !== null).join('，');
}

export function UnclaimedList({ version }: { version: number }) {
  const list = useLoad(() => call('claim.unclaimed', undefined), [version]);
  const rows = list.data;
  return (
    <div role="group" aria-label="应报未报">
      <h3 className="settings-subtitle data-quality-subtitle">应报未报首报首谈</h3>
      <QualityTable
        status={
          rows === null ? (
            <p className="settings-loading">
              {list.error ? `检查失败：${list.error}` : '正在检查……'}
            </p>
          ) : null
        }
        empty="超过门槛的项目都已登记首报首谈。"
        headers={['金额', '项目']}
        rows={rows ?? []}
        rowKey={(p) => p.id}
        first={amountText}
        firstClassName="data-quality-amount"
        second={(p) => (
          <GoButton className="link-button" to={{ screen: 'project', id: p.id, tab: 'claims' }}>
            {p.name}
          </GoButton>
        )}
      />
    </div>
  );
}
