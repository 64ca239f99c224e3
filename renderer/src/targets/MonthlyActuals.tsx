// 月度实际: the actual of a manual metric typed in per month (1–12月), cumulative for the year so
// far; the 看板 shows the latest month up to its as-of date. An emptied month is cleared. On an
// office laptop they are 本部's figures, shown as text.
import type { TargetRecord } from '../../../domain/targets';
import { call } from '../api/client';
import { inputUnitLabels } from './target-units';
import { ValueInput } from './ValueInput';

interface Props {
  target: TargetRecord;
  onSaved: (record: TargetRecord) => void;
  readOnly: boolean;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

export function MonthlyActuals({ target, onSaved, readOnly }: Props) {
  return (
    <div className="target-detail" role="group" aria-label={`${target.label}：月度实际`}>
      <p className="target-detail-hint">
        {readOnly
          ? `截至各月的累计实际值（${inputUnitLabels[target.unit]}），由本部填报。`
          : `每月填写截至当月的累计实际值（${inputUnitLabels[target.unit]}），清空即删除该月数值。`}
      </p>
      <div className="target-months">
        {months.map((month) => (
          <label key={month} className="target-month">
            <span>{month}月</span>
            <ValueInput
              unit={target.unit}
              value={target.actuals[month]}
              label={`${target.label} ${month}月实际`}
              readOnly={readOnly}
              onSave={async (value) =>
                onSaved(await call('target.setActual', { targetId: target.id, month, value }))
              }
            />
          </label>
        ))}
      </div>
    </div>
  );
}
