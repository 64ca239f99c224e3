// The payload of a sync file (docs/sync.md S10): the NDJSON lines of the stored changes. SQLite's
// LINE_SELECT (chain.ts) defines each line; its type tags, from json_each per change, were most of
// an export's time, so here SQLite gives the line's head and tail (the same SQL) and the fields,
// and the tags are read off the fields' text in JS (typesOf). Fields typesOf has no tags for get
// their whole line from LINE_SELECT. The log's text is valid UTF-8 (written from JS strings, or
// from lines whose UTF-8 was checked), so it comes back from JS as the same bytes. A test compares
// both builders on every synced table and kind of value (export-lines.test.ts).
import type { Sql } from '../sql';
import { BLOCK, LINE_HEAD, LINE_SELECT, LINE_TAIL } from './chain';
import type { ChainHasher } from './chain';
import { typesOf } from './stored-line';

/** One origin's part of a payload: seqs from … to (stored without a gap), and its chain hasher. */
export interface PayloadRange {
  origin: string;
  from: number;
  to: number;
  /** Hashes the lines on their way when given (this replica's own origin). */
  hasher?: ChainHasher;
}

/** The payload goes to the compressor in pieces of about this size (whole lines each). */
const PIECE_BYTES = 4 << 20;
/** Rows read per statement run: all() is cheaper per row than iterate(). */
const BATCH = 4096;

const ROWS_SQL = `SELECT seq, ${LINE_HEAD}, fields, ${LINE_TAIL} FROM sync_change
  WHERE origin = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ${BATCH}`;
const ONE_LINE_SQL = `SELECT ${LINE_SELECT} FROM sync_change WHERE origin = ? AND seq = ?`;

/**
 * The NDJSON payload, the lines of the given ranges in (origin, seq) order, handed to `onPiece`
 * in pieces of about `pieceBytes`: each a buffer of whole lines that is not touched again, with
 * its number of lines. Lines are written into the piece a chain block (16 lines) at a time, which
 * is also one hash update per block.
 */
export function writePayload(
  sql: Sql,
  ranges: PayloadRange[],
  onPiece: (piece: Buffer, changes: number) => void,
  pieceBytes = PIECE_BYTES,
): void {
  const rows = sql.prepare(ROWS_SQL).raw();
  const oneLine = sql.prepare(ONE_LINE_SQL).pluck();
  let piece = Buffer.allocUnsafe(pieceBytes);
  let length = 0;
  let changes = 0;
  /** Appends `lines` whole lines (text, or SQLite's bytes) to the piece, and to the hasher. */
  const append = (lines: string | Buffer, count: number, hasher: ChainHasher | undefined) => {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const most = typeof lines === 'string' ? lines.length * 3 : lines.length;
    if (length + most > piece.length) {
      if (length > 0) onPiece(piece.subarray(0, length), changes);
      piece = Buffer.allocUnsafe(Math.max(pieceBytes, most));
      length = 0;
      changes = 0;
    }
    const start = length;
    length += typeof lines === 'string' ? piece.write(lines, length) : lines.copy(piece, length);
    changes += count;
    hasher?.addLines(piece.subarray(start, length), count);
  };
  for (const { origin, from, to, hasher } of ranges) {
    let text = '';
    let pending = 0;
    /** Lines left in the hasher's block (any 16 without a hasher). */
    let room = BLOCK - ((hasher?.seq ?? 0) % BLOCK);
    const flush = () => {
      if (pending === 0) return;
      append(text, pending, hasher);
      room = BLOCK - ((hasher?.seq ?? 0) % BLOCK);
      text = '';
      pending = 0;
    };
    for (let next = from; next <= to;) {
      const batch = rows.all(origin, next, to) as [number, string, string, string][];
      for (const [seq, head, fields, tail] of batch) {
        const types = typesOf(fields);
        if (types === undefined) {
          flush();
          append(oneLine.get(origin, seq) as Buffer, 1, hasher);
          room = BLOCK - ((hasher?.seq ?? 0) % BLOCK);
          continue;
        }
        text += head + types + '",' + fields + tail;
        pending += 1;
        if (pending === room) flush();
      }
      if (batch.length < BATCH) break;
      next = batch[batch.length - 1]![0] + 1;
    }
    flush();
  }
  if (length > 0) onPiece(piece.subarray(0, length), changes);
}
