// One zone target in the 目标设置 table: 确保 and 力争 editable in the metric's unit, how it is
// measured, and the panels for its office allocation and (manual metrics) monthly actuals. On an
// office laptop the values are text and 提建议 asks 本部 to change this target.
import { Fragment, useState } from 'react';
import type { TargetRecord } from '../../../domain/targets';
import { offices } from '../../../domain/vocabulary';
import { ProposeButton } from '../shared/HqManaged';
import { AllocationPanel } from './AllocationPanel';
import { MonthlyActuals } from './MonthlyActuals';
import { saveTarget } from './save-target';
import { inputUnitLabels, isAdditive } from './target-units';
import { ValueInput } from './ValueInput';

interface Props {
  zone: TargetRecord;
  byOffice: Map<string, TargetRecord>;
  onSaved: (record: TargetRecord) => void;
  readOnly: boolean;
}

type Open = 'none' | 'allocation' | 'actuals';

/** ✓ or ⚠ beside the 分配 button, so a mismatch shows without opening the panel. */
function allocationMark(zone: TargetRecord, byOffice: Map<string, TargetRecord>): string {
  if (byOffice.size === 0 || !isAdditive(zone.unit)) return '';
  const adds = (['guarantee', 'strive'] as const).every((field) => {
    const values = offices.map((o) => byOffice.get(o.key)?.[field] ?? null);
    if (values.every((v) => v === null)) return true;
    return values.reduce<number>((a, v) => a + (v ?? 0), 0) === zone[field];
  });
  return adds ? ' ✓' : ' ⚠';
}

export function TargetRow({ zone, byOffice, onSaved, readOnly }: Props) {
  const [open, setOpen] = useState<Open>('none');
  const toggle = (panel: Open) => setOpen(open === panel ? 'none' : panel);
  const months = Object.keys(zone.actuals).length;
  return (
    <Fragment>
      <tr className={open === 'none' ? undefined : 'target-row-open'}>
        <th scope="row" className="target-label" title={zone.note ?? zone.label}>
          {zone.label}
          {zone.note ? <span className="target-note">{zone.note}</span> : null}
        </th>
        <td>
          <span className={zone.mode === 'manual' ? 'dash-tag' : 'dash-tag computed'}>
            {zone.mode === 'manual' ? '手工填报' : '自动计算'}
          </span>
        </td>
        <td className="target-unit">{inputUnitLabels[zone.unit]}</td>
        {(['guarantee', 'strive'] as const).map((field) => (
          <td key={field}>
            <ValueInput
              unit={zone.unit}
              value={zone[field]}
              label={`${zone.label} ${field === 'guarantee' ? '确保' : '力争'}`}
              readOnly={readOnly}
              onSave={async (value) => onSaved(await saveTarget(zone, 'zone', zone, field, value))}
            />
          </td>
        ))}
        <td className="target-actions">
          <button
            type="button"
            className="link-button"
            aria-expanded={open === 'allocation'}
            onClick={() => toggle('allocation')}
          >
            分配到驻点{byOffice.size > 0 ? `（${byOffice.size}）` : ''}
            {allocationMark(zone, byOffice)}
          </button>
          {zone.mode === 'manual' ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open === 'actuals'}
              onClick={() => toggle('actuals')}
            >
              月度实际{months > 0 ? `（${months}）` : ''}
            </button>
          ) : null}
          {readOnly ? (
            <ProposeButton subject={`${zone.year} 年${zone.label}目标`} text="提建议" named />
          ) : null}
        </td>
      </tr>
      {open !== 'none' ? (
        <tr className="target-detail-row">
          <td colSpan={6}>
            {open === 'allocation' ? (
              <AllocationPanel
                zone={zone}
                byOffice={byOffice}
                onSaved={onSaved}
                readOnly={readOnly}
              />
            ) : (
              <MonthlyActuals target={zone} onSaved={onSaved} readOnly={readOnly} />
            )}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
