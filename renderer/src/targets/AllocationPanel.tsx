// 分配到驻点: an office's share of a zone target (本部, 上海, 北京, 深圳) and the check that the shares
// add up to the zone's 确保 and 力争 (a warning says by how much they do not). Rates are not added.
import type { TargetRecord } from '../../../domain/targets';
import { offices } from '../../../domain/vocabulary';
import type { Field } from './save-target';
import { saveTarget } from './save-target';
import { inputUnitLabels, isAdditive, unitText } from './target-units';
import { ValueInput } from './ValueInput';

interface Props {
  zone: TargetRecord;
  /** This metric's office rows, by office key. */
  byOffice: Map<string, TargetRecord>;
  onSaved: (record: TargetRecord) => void;
  /** 本部's figures on an office laptop: shown, not edited. */
  readOnly: boolean;
}

const fields: { field: Field; label: string }[] = [
  { field: 'guarantee', label: '确保' },
  { field: 'strive', label: '力争' },
];

function Check({
  zone,
  byOffice,
  field,
  label,
}: Omit<Props, 'onSaved' | 'readOnly'> & { field: Field; label: string }) {
  const target = zone[field];
  const values = offices.map((o) => byOffice.get(o.key)?.[field] ?? null);
  if (values.every((v) => v === null)) {
    return <li className="target-check muted">{label}：尚未分配</li>;
  }
  const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  if (target === null) {
    return (
      <li className="target-check warn" role="status">
        {label}：各驻点合计 {unitText(zone.unit, sum)}，但全区没有{label}目标
      </li>
    );
  }
  const diff = sum - target;
  if (diff === 0) {
    return (
      <li className="target-check ok" role="status">
        ✓ {label}：各驻点合计 {unitText(zone.unit, sum)}，与全区一致
      </li>
    );
  }
  return (
    <li className="target-check warn" role="status">
      ⚠ {label}：各驻点合计 {unitText(zone.unit, sum)}，比全区 {unitText(zone.unit, target)}
      {diff < 0 ? '少' : '多'} {unitText(zone.unit, Math.abs(diff))}
    </li>
  );
}

export function AllocationPanel({ zone, byOffice, onSaved, readOnly }: Props) {
  const additive = isAdditive(zone.unit);
  return (
    <div className="target-detail" aria-label={`${zone.label}：分配到驻点`} role="group">
      <table className="target-alloc">
        <thead>
          <tr>
            <th scope="col">驻点</th>
            {fields.map((f) => (
              <th key={f.field} scope="col">
                {f.label}（{inputUnitLabels[zone.unit]}）
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {offices.map((office) => {
            const current = byOffice.get(office.key);
            return (
              <tr key={office.key}>
                <th scope="row">{office.label}</th>
                {fields.map((f) => (
                  <td key={f.field}>
                    <ValueInput
                      unit={zone.unit}
                      value={current?.[f.field]}
                      label={`${zone.label} ${office.label} ${f.label}`}
                      readOnly={readOnly}
                      onSave={async (value) =>
                        onSaved(
                          await saveTarget(
                            zone,
                            office.key,
                            byOffice.get(office.key),
                            f.field,
                            value,
                          ),
                        )
                      }
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {additive ? (
        <ul className="target-checks" aria-label="分配核对">
          {fields.map((f) => (
            <Check key={f.field} zone={zone} byOffice={byOffice} field={f.field} label={f.label} />
          ))}
        </ul>
      ) : (
        <p className="target-check muted">比率指标各驻点分别考核，不需要相加等于全区。</p>
      )}
    </div>
  );
}
