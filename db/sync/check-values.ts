// Every value of every change in a sync file, held to the rules of local input
// (domain/stored-values.ts) before anything is written: one bad value refuses the whole file with a
// message naming the office, the table, the field and the row. A change carries only the columns it
// writes, so each value is checked alone; rules across fields (one currency, the stage against the
// dates) stay with the forms. Names from the file are looked up in Maps, never on an object's
// prototype chain; tables and columns this version does not know are left to the quarantine.
import { z } from 'zod';
import { isRealIsoDate } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import type { StoredColumn } from '../../domain/stored-values';
import { isStoredCountry, storedTables } from '../../domain/stored-values';
import type { FieldValue } from '../mutation';
import { currentSchema } from './apply';
import type { KnownSchema } from './apply';
import type { Change } from './change-codec';

/** What is wrong with a value, worded to follow 「label」; undefined when it is fine. */
type Check = (value: FieldValue) => string | undefined;

interface Rule {
  label: string;
  /** True only for values the schema accepts; undefined where every value is parsed. */
  quick: ((value: FieldValue) => boolean) | undefined;
  parse: Check;
}

interface TableRules {
  label: string;
  columns: Map<string, Rule>;
  byRow?: { column: string; rule: (rowId: string) => Rule };
}

const HAN = /[\u4e00-\u9fff]/;

/** The form's message without its leading label ("备注不能超过 2000 个字" → "不能超过 2000 个字"). */
function problemOf(label: string, value: FieldValue, message: string | undefined): string {
  if (value === null) return '不能为空';
  if (message === undefined || !HAN.test(message)) return '不符合要求';
  return message.startsWith(label) ? message.slice(label.length) : `：${message}`;
}

/**
 * A test that passes only values the column's schema accepts, read from the schema itself (its
 * length and range bounds, its choices) or from the very predicate it refines with; a value that
 * fails it is parsed. A zod parse costs about 0.3 µs, several times this, for each of a file's
 * values (tests/sync/check-values.test.ts holds the two to agree).
 */
function quickTest(column: StoredColumn): ((value: FieldValue) => boolean) | undefined {
  const { schema, kind } = column;
  const nullable = schema instanceof z.ZodNullable;
  const inner: unknown = nullable ? schema.unwrap() : schema;
  if (kind === 'text' && inner instanceof z.ZodString) {
    const min = inner.minLength ?? 0;
    const max = inner.maxLength ?? Infinity;
    // The forms trim before checking the length: the raw length bounds it from above.
    return (v) =>
      typeof v === 'string'
        ? v.length <= max && (min === 0 || v.trim().length >= min)
        : v === null && nullable;
  }
  if (kind === 'date') {
    return (v) => (typeof v === 'string' ? isRealIsoDate(v) : v === null && nullable);
  }
  if (kind === 'country') {
    return (v) => (typeof v === 'string' ? isStoredCountry(v) : v === null && nullable);
  }
  if (kind === 'number' && inner instanceof z.ZodNumber) {
    // Strictly inside the bounds: `minValue` does not say whether its bound is exclusive.
    const lo = inner.minValue ?? -Infinity;
    const hi = inner.maxValue ?? Infinity;
    const int = inner.isInt;
    return (v) =>
      typeof v === 'number'
        ? v > lo && v < hi && (!int || Number.isSafeInteger(v))
        : v === null && nullable;
  }
  if (kind === 'choice' && (inner instanceof z.ZodEnum || inner instanceof z.ZodLiteral)) {
    const choices = new Set<unknown>(inner instanceof z.ZodEnum ? inner.options : inner.values);
    if (nullable) choices.add(null);
    return (v) => choices.has(v);
  }
  return undefined;
}

const compiled = new WeakMap<StoredColumn, Rule>();

function ruleOf(column: StoredColumn): Rule {
  let rule = compiled.get(column);
  if (!rule) {
    const { label, schema } = column;
    rule = {
      label,
      quick: quickTest(column),
      parse: (value) => {
        const result = schema.safeParse(value);
        return result.success
          ? undefined
          : problemOf(label, value, result.error.issues[0]?.message);
      },
    };
    compiled.set(column, rule);
  }
  return rule;
}

const tableRules = new Map<string, TableRules>(
  Object.entries(storedTables).map(([name, table]) => [
    name,
    {
      label: table.label,
      columns: new Map(Object.entries(table.columns).map(([col, c]) => [col, ruleOf(c)])),
      byRow: table.byRow && {
        column: table.byRow.column,
        rule: (rowId: string) => ruleOf(table.byRow!.rule(rowId)),
      },
    },
  ]),
);

/** A row id short enough for a message (UUIDs whole). */
function shortId(id: string): string {
  return id.length > 40 ? `${id.slice(0, 36)}…` : id;
}

/** What is wrong with one value of a row, as "table row 的「field」problem"; undefined if nothing. */
function problemIn(
  rules: TableRules,
  col: string,
  value: FieldValue,
  rowId: string,
): string | undefined {
  const rule = rules.byRow?.column === col ? rules.byRow.rule(rowId) : rules.columns.get(col);
  if (rule === undefined || rule.quick?.(value)) return undefined;
  const problem = rule.parse(value);
  return problem === undefined
    ? undefined
    : `${rules.label} ${shortId(rowId)} 的「${rule.label}」${problem}`;
}

/** The same for one value outside a file; tests use it to keep their values valid. */
export function valueProblem(
  table: string,
  col: string,
  value: FieldValue,
  rowId: string,
): string | undefined {
  const rules = tableRules.get(table);
  return rules && problemIn(rules, col, value, rowId);
}

/**
 * Throws SYNC_VALUE_INVALID for the first value in `changes` that local input could not have
 * stored. `schema` is what this version knows (tests pass an older one): only its columns are held
 * to rules, the others are quarantined as they are.
 */
export function checkValues(
  changes: readonly Change[],
  sites: Readonly<Record<string, string>>,
  schema: KnownSchema = currentSchema,
): void {
  for (const c of changes) {
    const rules = tableRules.get(c.tbl);
    if (!rules) continue;
    let known: KnownSchema[string] | undefined;
    if (schema !== currentSchema) {
      if (!Object.hasOwn(schema, c.tbl)) continue;
      known = schema[c.tbl];
    }
    const fields = c.fields;
    for (const col in fields) {
      if (known && !Object.hasOwn(known, col)) continue;
      const problem = problemIn(rules, col, fields[col]!, c.rowId);
      if (problem === undefined) continue;
      const office = Object.hasOwn(sites, c.origin) ? sites[c.origin] : `站点 ${c.origin}`;
      throw new AppError('SYNC_VALUE_INVALID', `来自 ${office} 的变更：${problem}`);
    }
  }
}
