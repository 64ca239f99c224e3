// Every value of every change in a sync file, held to the rules of local input
// (domain/stored-values.ts) before anything is written: one bad value refuses the whole file with a
// message naming the office, the table, the field and the row. A change carries only the columns it
// writes, so each value is checked alone; rules across fields (one currency, the stage against the
// dates) stay with the forms. Names from the file are looked up in Maps, never on an object's
// prototype chain; tables and columns this version does not know are left to the quarantine.
// The same rules find stored rows that are bad anyway (数据体检, db/services/data-check.ts).
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
  /** A text the forms require (a name): NULL in a stored row is wrong, not merely never written. */
  required: boolean;
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
      required:
        column.kind === 'text' &&
        column.schema.safeParse('').success === false &&
        !column.schema.safeParse(null).success,
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
  const rule = ruleFor(rules, col, rowId);
  if (rule === undefined) return undefined;
  const problem = check(rule, value);
  return problem === undefined
    ? undefined
    : `${rules.label} ${shortId(rowId)} 的「${rule.label}」${problem}`;
}

function ruleFor(rules: TableRules, col: string, rowId: string): Rule | undefined {
  return rules.byRow?.column === col ? rules.byRow.rule(rowId) : rules.columns.get(col);
}

/** What is wrong with the value (worded to follow the label), or undefined. */
function check(rule: Rule, value: FieldValue): string | undefined {
  return rule.quick?.(value) ? undefined : rule.parse(value);
}

export interface RowProblem {
  column: string;
  label: string;
  problem: string;
}

/** Every value of a stored row that local input could not have stored (数据体检). */
export function rowProblems(
  table: string,
  rowId: string,
  row: Readonly<Record<string, unknown>>,
): RowProblem[] {
  const rules = tableRules.get(table);
  if (!rules) return [];
  const found: RowProblem[] = [];
  for (const col of rules.columns.keys()) {
    const rule = ruleFor(rules, col, rowId)!;
    const value = Object.hasOwn(row, col) ? (row[col] as FieldValue) : null;
    // A new row's change leaves its nulls out: NULL is a column never written, wrong only where
    // the forms require a value.
    if (value === null && !rule.required) continue;
    const problem = check(rule, value);
    if (problem !== undefined) found.push({ column: col, label: rule.label, problem });
  }
  return found;
}

/** The columns rowProblems checks in `table`: a reader may select just these, and the id. */
export function checkedColumns(table: string): string[] {
  return [...(tableRules.get(table)?.columns.keys() ?? [])];
}

/** The table's label and its column's, or undefined for a name this version does not check. */
export function labelsOf(
  table: string,
  column?: string,
): { table: string; column?: string } | undefined {
  if (!tableRules.has(table)) return undefined;
  const rules = tableRules.get(table)!;
  if (column === undefined) return { table: rules.label };
  const rule = rules.columns.get(column);
  return rule && { table: rules.label, column: rule.label };
}

/**
 * A value typed in a repair form, as the column stores it: blank is NULL, digits are a number
 * where the column holds numbers or 0/1 flags, names between commas a list where it holds one. Returns the value, or the problem of the likeliest
 * reading ("「field」problem").
 */
export function typedValue(
  table: string,
  column: string,
  rowId: string,
  typed: string | null,
): { value: FieldValue } | { problem: string } {
  const rules = tableRules.get(table);
  const rule = rules && ruleFor(rules, column, rowId);
  if (!rule) return { problem: `「${column}」不是可修复的字段` };
  const text = typed?.trim() ?? '';
  const readings: FieldValue[] = text === '' ? [null] : [text];
  const number = Number(text);
  if (text !== '' && Number.isFinite(number)) readings.unshift(number);
  // A list kept as JSON text (别名) is typed as the forms take it: names between commas.
  if (text !== '')
    readings.push(
      JSON.stringify(
        text
          .split(/[,，、;；\n]/)
          .map((n) => n.trim())
          .filter(Boolean),
      ),
    );
  let first: string | undefined;
  for (const value of readings) {
    const problem = check(rule, value);
    if (problem === undefined) return { value };
    first ??= problem;
  }
  return { problem: `「${rule.label}」${first!}` };
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

/** Whether a change later than `hlc` writes the column of the row (a bad value it supersedes is never applied). */
export type LaterWrite = (tbl: string, rowId: string, col: string, hlc: string) => boolean;

/**
 * The greatest hlc at which each row's column is written in `changes` by a change that will be
 * applied (`applies`: not an office's change to 本部's tables), keyed "tbl row col".
 */
function latestWrites(
  changes: readonly Change[],
  applies: (c: Change) => boolean,
): Map<string, string> {
  const latest = new Map<string, string>();
  for (const c of changes) {
    if (!applies(c)) continue;
    for (const col in c.fields) {
      const key = `${c.tbl}\u0000${c.rowId}\u0000${col}`;
      const seen = latest.get(key);
      if (seen === undefined || c.hlc > seen) latest.set(key, c.hlc);
    }
  }
  return latest;
}

/**
 * Throws SYNC_VALUE_INVALID for the first value in `changes` that local input could not have
 * stored and that would be applied. A bad value that a later change of the same column supersedes
 * (in the file, or already held) and that will be applied can never reach a row; it is logged and relayed like
 * any other, so that an origin whose log holds a value repaired since (数据体检) is not refused at
 * every office forever. `schema` is what this version knows (tests pass an older one): only its
 * columns are held to rules, the others are quarantined as they are.
 */
export function checkValues(
  changes: readonly Change[],
  sites: Readonly<Record<string, string>>,
  schema: KnownSchema = currentSchema,
  superseding: { heldLater: LaterWrite; applies: (c: Change) => boolean } = {
    heldLater: () => false,
    applies: () => true,
  },
): void {
  let inFile: Map<string, string> | undefined;
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
      inFile ??= latestWrites(changes, superseding.applies);
      if (inFile.get(`${c.tbl}\u0000${c.rowId}\u0000${col}`)! > c.hlc) continue;
      if (superseding.heldLater(c.tbl, c.rowId, col, c.hlc)) continue;
      const office = Object.hasOwn(sites, c.origin) ? sites[c.origin] : `站点 ${c.origin}`;
      throw new AppError('SYNC_VALUE_INVALID', `来自 ${office} 的变更：${problem}`);
    }
  }
}
