// The file line of a stored change, built in JS without parsing its fields: the value types are
// read off the stored JSON text. For the text the log holds (compact JSON of strings, numbers and
// nulls) it is byte for byte the line SQLite builds with LINE_SELECT (chain.ts) and encodeStored's
// (tests check both); for any other text there is no line here. Export (export-payload.ts) then
// asks SQLite for that line; a snapshot's chain check (snapshot-chains.ts) refuses it.
import type { StoredChange } from './change-codec';

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN = 123;
const CLOSE = 125;
/** A JSON number (RFC 8259), at a position. */
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
/** The characters that may follow a backslash in a JSON string, \u apart. */
const ESCAPED = new Set([QUOTE, BACKSLASH, 47, 98, 102, 110, 114, 116]);
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The index after the JSON string whose opening quote is at `i`, or -1 if it is not one. */
function afterString(json: string, i: number): number {
  const n = json.length;
  for (let j = i + 1; j < n; j++) {
    const c = json.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      const e = json.charCodeAt(j + 1);
      if (e === 117) {
        HEX4.lastIndex = j + 2;
        if (!HEX4.test(json)) return -1;
        j += 5;
      } else if (ESCAPED.has(e)) j += 1;
      else return -1;
    }
  }
  return -1;
}

/**
 * The type tag of each value of a JSON object's text, in key order (s, i, r, n): what SQLite's
 * json_each gives for it (LINE_SELECT in chain.ts). Only compact RFC 8259 text of string, null and
 * number values has tags here, read without parsing; anything else (whitespace, nested values,
 * true/false, JSON5, malformed text) is undefined, and a caller that needs its line asks SQLite.
 */
export function typesOf(json: string): string | undefined {
  if (json === '{}') return '';
  if (json.charCodeAt(0) !== OPEN) return undefined;
  let types = '';
  let i = 1;
  const n = json.length;
  while (i < n) {
    if (json.charCodeAt(i) !== QUOTE) return undefined;
    i = afterString(json, i);
    if (i < 0 || json.charCodeAt(i) !== COLON) return undefined;
    i += 1;
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      types += 's';
      i = afterString(json, i);
      if (i < 0) return undefined;
    } else if (c === 110 && json.startsWith('null', i)) {
      types += 'n';
      i += 4;
    } else {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(json);
      if (!match) return undefined;
      // An integer outside the safe range is a real to json_each's BETWEEN, as it is to JS.
      const integer = match[1] === undefined && match[2] === undefined;
      types += integer && Number.isSafeInteger(Number(match[0])) ? 'i' : 'r';
      i = NUMBER.lastIndex;
    }
    const d = json.charCodeAt(i);
    if (d === COMMA) i += 1;
    else return d === CLOSE && i === n - 1 ? types : undefined;
  }
  return undefined;
}

/** The stored change's file line (without its \n), or undefined for fields typesOf has no tags for. */
export function storedLine(c: StoredChange): string | undefined {
  const q = JSON.stringify;
  return lineOf(q(c.origin), c.seq, c.hlc, q(c.tbl), c.row_id, c.fields, c.prev, q(c.author));
}

/**
 * storedLine for many lines of one origin, read as SQLite's raw rows (seq, hlc, tbl, row_id,
 * fields, prev, author): the origin, the few tables and authors are quoted once each.
 */
export function storedLines(origin: string): (row: unknown[]) => string | undefined {
  const quoted = new Map<unknown, string>();
  const q = (value: unknown) => {
    let s = quoted.get(value);
    if (s === undefined) quoted.set(value, (s = JSON.stringify(value)));
    return s;
  };
  const o = JSON.stringify(origin);
  return ([seq, hlc, tbl, rowId, fields, prev, author]) =>
    lineOf(o, seq, hlc, q(tbl), rowId, fields as string, prev, q(author));
}

function lineOf(
  origin: string,
  seq: unknown,
  hlc: unknown,
  tbl: string,
  rowId: unknown,
  fields: string,
  prev: unknown,
  author: string,
): string | undefined {
  const types = typesOf(fields);
  if (types === undefined) return undefined;
  return `[${origin},${seq as number},${JSON.stringify(hlc)},${tbl},${JSON.stringify(rowId)},"${types}",${fields},${prev as number},${author}]`;
}
