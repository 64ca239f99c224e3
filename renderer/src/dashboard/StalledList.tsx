// “五未”项目: projects past a configured rule's deadline on the as-of date, longest overdue first, with
// the counts per rule (each opening its projects); a row opens the project page.
import type { Dashboard } from '../../../domain/dashboard';
import { useNavigate } from '../shell/navigation';
import { countText } from './dashboard-format';
import { DataTable } from '../ui/DataTable';
import { DrillNumber } from './DrillNumber';
import { LinkRow } from './LinkRow';

const head = {
  columns: ['项目', '责任人', '驻点', '规则', { label: '超期（天）', num: true }, '存在问题'],
};

export function StalledList({ dashboard }: { dashboard: Dashboard }) {
  const navigate = useNavigate();
  // Most overdue first, as the service lists them.
  const items = dashboard.stalled;
  if (items.length === 0) {
    return (
      <p className="dash-empty">
        截至 {dashboard.asOf} 没有“五未”项目：每个项目都在规则期限内推进。规则可在「设置」中修改。
      </p>
    );
  }
  const open = (id: string) => navigate({ screen: 'project', id });
  // The service may describe only the most overdue items; the per-rule counts cover them all.
  const partial = items.length < dashboard.stalledCount;
  return (
    <>
      <p className="dash-stalled-rules">
        {dashboard.stalledByRule.map((r) => {
          const request = {
            title: `“五未”项目：${r.rule}`,
            targets: [{ kind: 'stalled' as const, ruleKey: r.ruleKey }],
            expected: r.count,
          };
          return (
            <span key={r.ruleKey} className="dash-chip">
              {r.rule} <DrillNumber request={request}>{countText(r.count)}</DrillNumber> 个
            </span>
          );
        })}
        {partial ? (
          <span className="dash-muted">
            共 {countText(dashboard.stalledCount)} 项，下表列出超期最久的 {countText(items.length)}{' '}
            项
          </span>
        ) : null}
      </p>
      <DataTable className="dash-table dash-stalled" scroll="dash-stalled-scroll" head={head}>
        {items.map((item) => (
          <LinkRow key={`${item.projectId}:${item.ruleKey}`} onOpen={() => open(item.projectId)}>
            <td className="dash-name" title={item.name}>
              {item.code ? <span className="dash-code">{item.code}</span> : null}
              {item.name}
            </td>
            <td className="nowrap">{item.owner ?? '—'}</td>
            <td className="nowrap">{item.office ?? '—'}</td>
            <td className="nowrap">{item.rule}</td>
            <td className="num">{countText(item.overdueDays)}</td>
            <td className="dash-problem" title={item.problems ?? undefined}>
              {item.problems ?? '未填写'}
            </td>
          </LinkRow>
        ))}
      </DataTable>
    </>
  );
}
