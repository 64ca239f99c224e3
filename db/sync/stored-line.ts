// The file line of a stored change for hashing a snapshot's chains (snapshot-check.ts), without
// parsing its fields: the value types are read off the stored JSON text. For canonical text (what
// the log holds) it is byte for byte encodeStored's line (a test checks it); for any other text it
// may differ, which only makes the chain fail to match its signed head: never a false match.
import type { StoredChange } from './change-codec';

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const CLOSE = 125;
const INTEGER = /^-?\d+$/;

/** The index after the string whose opening quote is at `i`, or -1. */
function afterString(json: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const end = json.indexOf('"', j);
    if (end < 0) return -1;
    let slashes = 0;
    while (json.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return end + 1;
    j = end + 1;
  }
}

/** The type tag of each value of a JSON object's text, in key order (s, i, r, n); undefined if not one. */
export function typesOf(json: string): string | undefined {
  if (json === '{}') return '';
  if (json.charCodeAt(0) !== 123) return undefined;
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
    } else if (json.startsWith('null', i)) {
      types += 'n';
      i += 4;
    } else {
      let j = i;
      while (j < n && json.charCodeAt(j) !== COMMA && json.charCodeAt(j) !== CLOSE) j += 1;
      const number = json.slice(i, j);
      types += INTEGER.test(number) && Number.isSafeInteger(Number(number)) ? 'i' : 'r';
      i = j;
    }
    const d = json.charCodeAt(i);
    if (d === COMMA) i += 1;
    else return d === CLOSE && i === n - 1 ? types : undefined;
  }
  return undefined;
}

/** The stored change's file line (without its \n), or undefined when its fields are not JSON. */
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
