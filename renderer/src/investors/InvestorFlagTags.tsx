// An investor's flags (世界500强, 上市公司 …) as small tags.
import type { InvestorRecord } from '../../../domain/entities';
import { flagLabels } from './investor-labels';

export function InvestorFlagTags({ investor }: { investor: InvestorRecord }) {
  const labels = flagLabels(investor);
  if (labels.length === 0) return null;
  return (
    <span className="investors-tags" title={labels.join('、')}>
      {labels.map((label) => (
        <span key={label} className="investors-tag">
          {label}
        </span>
      ))}
    </span>
  );
}
