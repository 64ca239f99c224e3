// Writes one target value through target.upsert: the zone's own row, or an office's allocation of a
// zone target (same key, label, unit and mode; the other value kept as it was).
import type { TargetRecord } from '../../../domain/targets';
import { call } from '../api/client';

export type Field = 'guarantee' | 'strive';

export function saveTarget(
  zone: TargetRecord,
  scope: string,
  current: TargetRecord | undefined,
  field: Field,
  value: number | null,
): Promise<TargetRecord> {
  return call('target.upsert', {
    year: zone.year,
    key: zone.key,
    scope,
    label: zone.label,
    unit: zone.unit,
    mode: zone.mode,
    note: (scope === 'zone' ? zone.note : current?.note) ?? null,
    guarantee: current?.guarantee ?? null,
    strive: current?.strive ?? null,
    [field]: value,
  });
}
