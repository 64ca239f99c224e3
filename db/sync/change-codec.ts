// One change as one NDJSON line of a sync file (SYNC.md S10), and back. Values are tagged by type
// (["s", text], ["i", integer], ["r", real]) and keys sorted, so one change always has one spelling;
// decoding checks every part of the shape, since a file is untrusted input.
import type { FieldValue, Fields } from '../mutation';
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

type Tagged = ['s', string] | ['i', number] | ['r', number] | null;

const SITE = /^[0-9a-f]{16}$/;
const HLC = /^[0-9a-f]{32}$/;
const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_ROW_ID = 200;
const MAX_AUTHOR = 200;

function tag(value: FieldValue): Tagged {
  if (value === null) return null;
  if (typeof value === 'string') return ['s', value];
  return Number.isSafeInteger(value) ? ['i', value] : ['r', value];
}

function sortedObject<V, W>(input: Record<string, V>, map: (v: V) => W): Record<string, W> {
  const out: Record<string, W> = {};
  for (const key of Object.keys(input).sort()) out[key] = map(input[key]!);
  return out;
}

export function encodeChange(c: Change): string {
  return JSON.stringify([
    c.origin,
    c.seq,
    c.hlc,
    c.tbl,
    c.rowId,
    sortedObject(c.fields, tag),
    sortedObject(c.prev, (h) => h),
    c.author,
  ]);
}

/** Column names already checked: a file repeats the same few hundred names. */
const validNames = new Set<string>();

/** Thrown for a malformed line; the importer turns it into FILE_CORRUPT naming the line. */
export class ChangeShapeError extends Error {}

function fail(what: string): never {
  throw new ChangeShapeError(what);
}

function untag(value: unknown, col: string): FieldValue {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) fail(`字段 ${col} 的值格式错误`);
  const [t, v] = value as [unknown, unknown];
  if (t === 's' && typeof v === 'string') return v;
  if (t === 'i' && Number.isSafeInteger(v)) return v as number;
  if (t === 'r' && typeof v === 'number' && Number.isFinite(v)) return v;
  fail(`字段 ${col} 的值格式错误`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeChange(line: string): Change {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    fail('不是有效的 JSON');
  }
  if (!Array.isArray(parsed) || parsed.length !== 8) fail('变更格式错误');
  const [origin, seq, hlc, tbl, rowId, rawFields, rawPrev, author] = parsed as unknown[];
  if (typeof origin !== 'string' || !SITE.test(origin)) fail('来源站点编号格式错误');
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) fail('序号格式错误');
  if (typeof hlc !== 'string' || hlc.length !== HLC_LENGTH || !HLC.test(hlc)) fail('时钟格式错误');
  if (!hlc.endsWith(origin)) fail('时钟与来源站点不符');
  if (typeof tbl !== 'string' || !NAME.test(tbl)) fail('表名格式错误');
  if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > MAX_ROW_ID)
    fail('记录编号格式错误');
  if (!isPlainObject(rawFields) || !isPlainObject(rawPrev)) fail('字段格式错误');
  const fields: Fields = {};
  let last = '';
  for (const [col, value] of Object.entries(rawFields)) {
    if (!validNames.has(col)) {
      if (!NAME.test(col) || col === 'id') fail(`字段名 ${col} 格式错误`);
      if (validNames.size < 10_000) validNames.add(col);
    }
    // Canonical order, which also lets the importer store JSON.stringify(fields) as is.
    if (col <= last) fail('字段未按名称排序');
    last = col;
    fields[col] = untag(value, col);
  }
  const prev: Record<string, string> = {};
  last = '';
  for (const [col, clock] of Object.entries(rawPrev)) {
    if (col <= last) fail('前值时钟未按名称排序');
    last = col;
    if (!Object.hasOwn(fields, col)) fail(`字段 ${col} 的前值时钟多余`);
    if (typeof clock !== 'string' || !HLC.test(clock) || clock >= hlc)
      fail(`字段 ${col} 的前值时钟错误`);
    prev[col] = clock;
  }
  if (author !== null && (typeof author !== 'string' || author.length > MAX_AUTHOR))
    fail('作者格式错误');
  return {
    origin,
    seq: seq as number,
    hlc,
    tbl,
    rowId,
    fields,
    prev,
    author: author as string | null,
  };
}
