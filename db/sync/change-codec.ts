// One change as one NDJSON line of a sync file (docs/sync.md S10), and back:
//   [origin, seq, hlc, table, row id, types, {column: value}, {column: prev hlc}, author]
// `types` tags each value in key order: s text, i integer, r real, n null. Keys are sorted, so one
// change always has one spelling. A type string rather than a tag per value keeps lines short and
// lets the parsed object be used as is. Decoding checks every part, since a file is untrusted.
import type { FieldValue, Fields } from '../mutation';
import type { Schema } from '../schema';
import { HLC_LENGTH } from './hlc';

export interface Change {
  origin: string;
  seq: number;
  hlc: string;
  tbl: string;
  rowId: string;
  fields: Fields;
  prev: Record<string, string>;
  author: string | null;
}

const SITE = /^[0-9a-f]{16}$/;
const HLC = /^[0-9a-f]{32}$/;
const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_ROW_ID = 200;
const MAX_AUTHOR = 200;

function typeOf(value: FieldValue): string {
  if (value === null) return 'n';
  if (typeof value === 'string') return 's';
  return Number.isSafeInteger(value) ? 'i' : 'r';
}

function sorted<V>(input: Record<string, V>): Record<string, V> {
  const keys = Object.keys(input);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  if (inOrder) return input;
  const out: Record<string, V> = {};
  for (const key of keys.sort()) out[key] = input[key]!;
  return out;
}

export function encodeChange(c: Change): string {
  const fields = sorted(c.fields);
  let types = '';
  for (const key in fields) types += typeOf(fields[key]!);
  return JSON.stringify([
    c.origin,
    c.seq,
    c.hlc,
    c.tbl,
    c.rowId,
    types,
    fields,
    sorted(c.prev),
    c.author,
  ]);
}

/** A change as the log stores it: `fields` and `prev` are canonical JSON (sorted keys). */
export type StoredChange = Schema['sync_change'];

/**
 * The line of a stored change, byte for byte what encodeChange gives (a test checks it), reusing
 * the stored canonical JSON instead of stringifying it again: export spends its time here.
 */
export function encodeStored(c: StoredChange): string {
  const fields = JSON.parse(c.fields) as Fields;
  let types = '';
  for (const key in fields) types += typeOf(fields[key]!);
  return `[${JSON.stringify(c.origin)},${c.seq},${JSON.stringify(c.hlc)},${JSON.stringify(c.tbl)},${JSON.stringify(c.row_id)},"${types}",${c.fields},${c.prev},${JSON.stringify(c.author)}]`;
}

/** Column names already checked: a file repeats the same few hundred names. */
const validNames = new Set<string>();

/** Thrown for a malformed line; the importer turns it into FILE_CORRUPT naming the line. */
export class ChangeShapeError extends Error {}

function fail(what: string): never {
  throw new ChangeShapeError(what);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueMatches(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case 's':
      return typeof value === 'string';
    case 'i':
      return Number.isSafeInteger(value);
    case 'r':
      return typeof value === 'number' && Number.isFinite(value);
    case 'n':
      return value === null;
    default:
      return false;
  }
}

/**
 * One spelling per change: its origin's signature covers the line's bytes, and a relaying office
 * re-creates them from the log, so only the canonical spelling can be relayed verifiably. (The
 * bytes must also be valid UTF-8, which the file decoder checks before making the line a string.)
 */
export function isCanonical(parsed: unknown, line: string): boolean {
  return JSON.stringify(parsed) === line;
}

export function decodeChange(line: string): Change {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    fail('不是有效的 JSON');
  }
  if (!Array.isArray(parsed) || parsed.length !== 9) fail('变更格式错误');
  const [origin, seq, hlc, tbl, rowId, types, fields, prev, author] = parsed as unknown[];
  if (typeof origin !== 'string' || !SITE.test(origin)) fail('来源站点编号格式错误');
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) fail('序号格式错误');
  if (typeof hlc !== 'string' || hlc.length !== HLC_LENGTH || !HLC.test(hlc)) fail('时钟格式错误');
  if (!hlc.endsWith(origin)) fail('时钟与来源站点不符');
  if (typeof tbl !== 'string' || !NAME.test(tbl)) fail('表名格式错误');
  if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > MAX_ROW_ID)
    fail('记录编号格式错误');
  if (typeof types !== 'string' || !isPlainObject(fields) || !isPlainObject(prev))
    fail('字段格式错误');
  let last = '';
  let i = 0;
  for (const col in fields) {
    if (!validNames.has(col)) {
      if (!NAME.test(col) || col === 'id') fail(`字段名 ${col} 格式错误`);
      if (validNames.size < 10_000) validNames.add(col);
    }
    // Canonical order, which also lets the importer store JSON.stringify(fields) as is.
    if (col <= last) fail('字段未按名称排序');
    last = col;
    if (!valueMatches(types[i], fields[col])) fail(`字段 ${col} 的值与类型不符`);
    i += 1;
  }
  if (i !== types.length) fail('字段类型个数不符');
  last = '';
  for (const col in prev) {
    if (col <= last) fail('前值时钟未按名称排序');
    last = col;
    const clock = prev[col];
    if (!Object.hasOwn(fields, col)) fail(`字段 ${col} 的前值时钟多余`);
    if (typeof clock !== 'string' || !HLC.test(clock) || clock >= hlc)
      fail(`字段 ${col} 的前值时钟错误`);
  }
  if (author !== null && (typeof author !== 'string' || author.length > MAX_AUTHOR))
    fail('作者格式错误');
  if (!isCanonical(parsed, line)) fail('不是规范写法');
  return {
    origin,
    seq: seq as number,
    hlc,
    tbl,
    rowId,
    fields: fields as Fields,
    prev: prev as Record<string, string>,
    author: author as string | null,
  };
}
