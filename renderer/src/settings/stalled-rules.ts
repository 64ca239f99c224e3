// Editing the 五未 rules: a new rule's defaults, and the first zod issue per rule (by its position)
// from the same schema settings.update uses, so each row shows its own Chinese message.
import type { StalledRule } from '../../../domain/lifecycle';
import { settingsUpdate } from '../../../domain/settings';
import { fieldErrors } from '../ui/field-errors';

export function newRule(existing: readonly StalledRule[]): StalledRule {
  let n = existing.length + 1;
  while (existing.some((r) => r.key === `custom_${n}`)) n += 1;
  return {
    key: `custom_${n}`,
    label: '',
    from: 'signed',
    to: 'registered',
    days: 90,
    usePlannedDate: false,
  };
}

export interface RuleErrors {
  /** Messages by rule index. */
  rows: Map<number, string>;
  /** Messages about the whole list (too many, duplicate keys). */
  list: string | null;
}

export function validateRules(rules: StalledRule[]): RuleErrors | null {
  const result = settingsUpdate.safeParse({ stalledRules: rules });
  if (result.success) return null;
  const { list, ...byRow } = fieldErrors(result.error, (path) =>
    typeof path[1] === 'number' ? String(path[1]) : 'list',
  );
  const rows = new Map(Object.entries(byRow).map(([i, message]) => [Number(i), message ?? '']));
  return { rows, list: list ?? null };
}
