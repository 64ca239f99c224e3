// Each origin's change log as a hash chain in blocks of 16 changes, so that a site can vouch for all
// of its changes with one signature and a relaying office can forward them, from any block on,
// still verifiable as the origin's (docs/sync.md, "Signed heads"):
//   block k   = SHA-256 of the file lines (with their \n) of seqs 16(k-1)+1 … 16k
//   chain 0   = 32 zero bytes;  chain k = SHA-256(chain k-1 ‖ block k)
//   state(s)  = SHA-256(chain ⌊s/16⌋ ‖ SHA-256(lines of the unfinished block up to s) ‖ u64 s)
// Hashing a block's lines in one running hash costs about 0.3 µs per change; a digest per change
// would cost ten times that, which is the whole of the 10% that authentication may add to an import.
import { createHash, hash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { Sql } from '../sql';

export const BLOCK = 16;
export const ZERO_CHAIN = Buffer.alloc(32);

/** The first seq of the block holding `seq`. */
export const blockStart = (seq: number) => Math.floor((seq - 1) / BLOCK) * BLOCK + 1;

/** Hashes one origin's consecutive lines from a block start. */
export class ChainHasher {
  private block: Hash = createHash('sha256');
  /** Chains of the blocks completed here, by block number. */
  readonly blocks: [number, Buffer][] = [];

  constructor(
    private chain: Buffer,
    /** The seq of the last line hashed; a block end (or 0). */
    public seq: number,
  ) {}

  /** One line of the next seq, with its trailing \n. */
  add(line: Buffer): void {
    this.addLines(line, 1);
  }

  /**
   * The lines of the next `lines` seqs, each with its trailing \n, as one run of bytes that does
   * not go past the current block's end: one hash update per run rather than per line.
   */
  addLines(run: Buffer, lines: number): void {
    if (!(lines >= 1 && (this.seq % BLOCK) + lines <= BLOCK)) {
      throw new Error(`ChainHasher: ${lines} lines after seq ${this.seq} cross a block end`);
    }
    this.block.update(run);
    this.seq += lines;
    if (this.seq % BLOCK === 0) {
      this.chain = hash('sha256', Buffer.concat([this.chain, this.block.digest()]), 'buffer');
      this.blocks.push([this.seq / BLOCK, this.chain]);
      this.block = createHash('sha256');
    }
  }

  state(): Buffer {
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(BigInt(this.seq));
    const partial = this.block.copy().digest();
    return createHash('sha256').update(this.chain).update(partial).update(seq).digest();
  }
}

/** The stored chain at the end of block k (k = 0: the zero chain). */
export function storedBlock(sql: Sql, origin: string, k: number): Buffer | undefined {
  if (k === 0) return ZERO_CHAIN;
  const row = sql
    .prepare('SELECT chain FROM sync_block WHERE origin = ? AND block = ?')
    .get(origin, k) as { chain: Buffer } | undefined;
  return row?.chain;
}

export function storeBlocks(sql: Sql, origin: string, blocks: Iterable<[number, Buffer]>): void {
  const insert = sql.prepare(
    'INSERT OR IGNORE INTO sync_block (origin, block, chain) VALUES (?, ?, ?)',
  );
  for (const [k, chain] of blocks) insert.run(origin, k, chain);
}

/** A stored change's file line up to the type tags: `[origin,seq,hlc,table,row id,"`. */
export const LINE_HEAD = `'[' || json_quote(origin) || ',' || seq || ',' || json_quote(hlc) || ','
    || json_quote(tbl) || ',' || json_quote(row_id) || ',"'`;

/** The line after the fields: `,prev,author]` and its \n. */
export const LINE_TAIL = `',' || prev || ',' || json_quote(author) || ']' || char(10)`;

/**
 * The file line of each stored change of `origin` in (after, upTo], as UTF-8 bytes with its \n,
 * byte for byte what encodeChange gives (a test checks it). The type tags come from json_each in
 * key (= document) order. Export builds the same bytes from LINE_HEAD, the tags read in JS and
 * LINE_TAIL (export-payload.ts); this is their definition.
 */
export const LINE_SELECT = `CAST(${LINE_HEAD}
    || coalesce((SELECT string_agg(CASE type WHEN 'text' THEN 's' WHEN 'null' THEN 'n'
         WHEN 'integer' THEN iif(atom BETWEEN -9007199254740991 AND 9007199254740991, 'i', 'r')
         ELSE 'r' END, '' ORDER BY id) FROM json_each(fields)), '')
    || '",' || fields || ${LINE_TAIL} AS BLOB)`;

const LINE_RANGE_SQL = `SELECT seq, ${LINE_SELECT} AS line FROM sync_change
  WHERE origin = ? AND seq > ? AND seq <= ? ORDER BY seq`;

/**
 * A hasher that has hashed `origin`'s stored lines up to `seq`, from the highest stored block
 * below; undefined when a line in between is missing (the chain cannot be computed here).
 */
export function hasherAt(sql: Sql, origin: string, seq: number): ChainHasher | undefined {
  const row = sql
    .prepare(
      'SELECT block, chain FROM sync_block WHERE origin = ? AND block <= ? ORDER BY block DESC LIMIT 1',
    )
    .get(origin, Math.floor(seq / BLOCK)) as { block: number; chain: Buffer } | undefined;
  const from = row?.block ?? 0;
  const hasher = new ChainHasher(row?.chain ?? ZERO_CHAIN, from * BLOCK);
  const lines = sql.prepare(LINE_RANGE_SQL).raw();
  for (const [s, line] of lines.iterate(origin, from * BLOCK, seq) as Iterable<[number, Buffer]>) {
    if (s !== hasher.seq + 1) return undefined;
    hasher.add(line);
  }
  return hasher.seq === seq ? hasher : undefined;
}

/** The chain at the end of block k: stored, or computed from the stored lines. */
export function chainAtBlock(sql: Sql, origin: string, k: number): Buffer | undefined {
  const stored = storedBlock(sql, origin, k);
  if (stored) return stored;
  const hasher = hasherAt(sql, origin, k * BLOCK);
  return hasher?.blocks.at(-1)?.[1];
}

export interface Head {
  origin: string;
  seq: number;
  state: Buffer;
  sig: string;
}

export function storeHead(sql: Sql, head: Head): void {
  sql
    .prepare('INSERT OR IGNORE INTO sync_head (origin, seq, state, sig) VALUES (?, ?, ?, ?)')
    .run(head.origin, head.seq, head.state, head.sig);
}

/** The highest stored head of `origin` in [from, upTo]. */
export function headWithin(sql: Sql, origin: string, from: number, upTo: number): Head | undefined {
  const row = sql
    .prepare(
      `SELECT seq, state, sig FROM sync_head WHERE origin = ? AND seq >= ? AND seq <= ?
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(origin, from, upTo) as { seq: number; state: Buffer; sig: string } | undefined;
  return row && { origin, ...row };
}

/** One origin's chain as a file showed it, verified against its signed head. */
export interface VerifiedChain {
  origin: string;
  /** Chains at block ends: the prefix's block and every block the file completes. */
  blocks: [number, Buffer][];
  head: { seq: number; state: Buffer; sig: string };
}

/**
 * Keeps a file's verified chains for relaying. A block this replica already holds with another
 * chain means the origin's history forked (a site that reused its seqs): the import is refused.
 */
export function storeChains(sql: Sql, chains: VerifiedChain[], sites: Record<string, string>) {
  const insert = sql.prepare(
    'INSERT OR IGNORE INTO sync_block (origin, block, chain) VALUES (?, ?, ?)',
  );
  for (const { origin, blocks, head } of chains) {
    for (const [k, chain] of blocks) {
      // Only a block already held is read back; on a fork the caller's transaction undoes the rest.
      if (insert.run(origin, k, chain).changes > 0) continue;
      if (!storedBlock(sql, origin, k)!.equals(chain)) {
        throw new AppError(
          'ORIGIN_FORK',
          `${sites[origin] ?? `站点 ${origin}`}，第 ${k * BLOCK} 条前后`,
        );
      }
    }
    storeHead(sql, { origin, ...head });
  }
}
