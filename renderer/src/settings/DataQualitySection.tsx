// 数据质量: the records whose gaps make the 看板's numbers uncertain (no region, no city for a
// domestic investor, started without a planned 竣工 date, a channel without its referrer, agent
// or fair edition). Each row opens the project or investor page and focuses the field to fix.
// Below them, 应报未报: projects over 本部's 首报首谈 thresholds with no holder claim.
import type { DataQualityItem } from '../../../domain/data-quality';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { Card } from '../ui/Card';
import { useLoad } from '../ui/use-load';
import { QualityTable } from './QualityTable';
import { UnclaimedList } from './UnclaimedList';

const loadGaps = () => call('data.quality', undefined);

/**
 * Brings the field into view once the page has rendered it (it loads its record first): the
 * project form's input, or the investor page's details (edited from there).
 */
function focusField(selector: string, tries = 40): void {
  const field = document.querySelector<HTMLElement>(selector);
  if (field) {
    field.scrollIntoView({ block: 'center' });
    field.focus();
  } else if (tries > 0) {
    window.setTimeout(() => focusField(selector, tries - 1), 50);
  }
}

/** `version`: bumped when the 首报首谈 thresholds change, so 应报未报 is checked again. */
export function DataQualitySection({ version = 0 }: { version?: number }) {
  const gaps = useLoad(loadGaps, []);
  const navigate = useNavigate();
  const open = (item: DataQualityItem) => {
    navigate(
      item.target === 'project'
        ? { screen: 'project', id: item.id }
        : { screen: 'investor', id: item.id },
    );
    focusField(item.target === 'project' ? `#project-${item.field}` : '#investor-details');
  };
  const items = gaps.data ?? [];
  return (
    <Card
      className="settings-card"
      id="data-quality"
      title="数据质量"
      hint="以下记录缺少的信息会让看板的数字不确定（来源地区、市外内资、五未、招商方式）。点击名称打开该记录并定位到要补填的字段。"
    >
      <QualityTable
        status={
          gaps.loading ? (
            <p className="settings-loading">正在检查……</p>
          ) : gaps.error ? (
            <p className="settings-field-error">检查失败：{gaps.error}</p>
          ) : null
        }
        empty="没有发现缺漏。"
        headers={['问题', '记录']}
        rows={items}
        rowKey={(item) => `${item.kind}:${item.id}`}
        first={(item) => item.label}
        second={(item) => (
          <button type="button" className="link-button" onClick={() => open(item)}>
            {item.name}
          </button>
        )}
      />
      <UnclaimedList version={version} />
    </Card>
  );
}
