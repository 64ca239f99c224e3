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
  const types = typesOf(c.fields);
  if (types === undefined) return undefined;
  return `[${JSON.stringify(c.origin)},${c.seq},${JSON.stringify(c.hlc)},${JSON.stringify(c.tbl)},${JSON.stringify(c.row_id)},"${types}",${c.fields},${c.prev},${JSON.stringify(c.author)}]`;
}
