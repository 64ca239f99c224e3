// The chain check of a snapshot's image (docs/sync.md S22, snapshot-check.ts): every change of every
// origin must hash into that origin's chain and end at a head the origin (or the zone root) signed,
// as in a sync file (S13, Z4). It reads the image alone, so it runs on a worker thread
// (snapshot-chains-worker.ts) beside the other checks; it is given only public keys.
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { BLOCK, ChainHasher, ZERO_CHAIN } from './chain';
import type { Head } from './chain';
import { neverStopped, stopIfAsked } from './check-stop';
import type { StopAsked } from './check-stop';
import { storedLines } from './stored-line';
import type { Member } from './zone';
import { headBody } from './zone';
import { verifyStatement } from './zone-crypto';

const invalid = (detail: string): never => {
  throw new AppError('SNAPSHOT_INVALID', detail);
};

export interface ChainCheck {
  zoneId: string;
  /** The zone root's public key: it signs the heads of origins no longer in the roster. */
  rootPublic: string;
  members: Map<string, Member>;
  /** This laptop's site id: the image may hold none of its changes. */
  siteId: string;
}

export interface VerifiedChains {
  blocks: { origin: string; block: number; chain: Buffer }[];
  heads: Head[];
  changes: number;
  /** Changes left at or below a compacted origin's floor, which no chain can show any more. */
  vouched: number;
}

/**
 * Each origin's held seqs as runs, each from a block start, hashed from the chain before it (the
 * image's stored block, itself vouched for by the head that ends the run) to a signed head at its
 * last seq. A head or block inside a run must match what the lines give.
 */
export function checkChains(
  image: Database.Database,
  check: ChainCheck,
  asked: StopAsked = neverStopped,
): VerifiedChains {
  const rows = image
    .prepare(
      `SELECT seq, hlc, tbl, row_id, fields, prev, author FROM sync_change
       WHERE origin = ? ORDER BY seq`,
    )
    .raw();
  const blocksOf = image.prepare('SELECT block, chain FROM sync_block WHERE origin = ?').raw();
  const headsOf = image.prepare('SELECT seq, state, sig FROM sync_head WHERE origin = ?');
  const origins = image
    .prepare('SELECT DISTINCT origin FROM sync_change ORDER BY origin')
    .pluck()
    .all() as string[];
  const floorOf = image.prepare('SELECT floor FROM sync_archive_origin WHERE origin = ?').pluck();
  const out: VerifiedChains = { blocks: [], heads: [], changes: 0, vouched: 0 };
  for (const origin of origins) {
    if (origin === check.siteId) throw new AppError('ORIGIN_OWN', '快照');
    const member = check.members.get(origin);
    const signer = member?.publicKey ?? check.rootPublic;
    const heads = new Map<number, { state: Buffer; sig: string }>();
    for (const h of headsOf.all(origin) as { seq: number; state: Buffer; sig: string }[]) {
      heads.set(h.seq, h);
    }
    const office = member?.office ?? `站点 ${origin}`;
    const stored = new Map(blocksOf.all(origin) as [number, Buffer][]);
    const lineOf = storedLines(origin);
    // At or below its floor a compacted origin's lines may be missing (S19): what is left there
    // cannot be hashed into the chain and stands on the sender's word, like the rows.
    const floor = (floorOf.get(origin) as number | undefined) ?? 0;
    let hasher: ChainHasher | null = null;
    /** The run being read: its first and last seq, and what it verified so far. */
    let first = 0;
    let last = 0;
    let lastHead = 0;
    let runBlocks: VerifiedChains['blocks'] = [];
    let text = '';
    let pending = 0;
    const flush = () => {
      if (pending === 0 || !hasher) return;
      hasher.addLines(Buffer.from(text, 'utf8'), pending);
      text = '';
      pending = 0;
    };
    const closeRun = () => {
      flush();
      if (last === 0) return;
      // Blocks up to the last verified head are the origin's; lines after it must be compacted.
      out.blocks.push(...runBlocks.filter((b) => b.block * BLOCK <= lastHead));
      const unverified = lastHead >= first ? last - lastHead : last - first + 1;
      if (unverified > 0 && last > floor) invalid(`${office} 第 ${last} 条变更没有签名`);
      out.vouched += unverified;
    };
    for (const row of rows.iterate(origin) as Iterable<unknown[]>) {
      stopIfAsked(asked);
      const seq = row[0] as number;
      if (member?.lastSeq != null && seq > member.lastSeq) {
        invalid(`${office} 的电脑已被吊销，快照中有其吊销后的变更`);
      }
      // A new run; also where the lines above a compacted floor start, after remnants below it.
      if (seq !== last + 1 || last === 0 || (!hasher && seq === floor + 1)) {
        closeRun();
        first = seq;
        runBlocks = [];
        const k: number = (seq - 1) / BLOCK;
        const prefix: Buffer | undefined = !Number.isInteger(k)
          ? undefined
          : k === 0
            ? ZERO_CHAIN
            : stored.get(k);
        if (!prefix && seq > floor) invalid(`${office} 第 ${seq} 条前的链缺失`);
        hasher = prefix ? new ChainHasher(prefix, seq - 1) : null;
        if (prefix && k > 0) runBlocks.push({ origin, block: k, chain: prefix });
      }
      last = seq;
      out.changes += 1;
      if (!hasher) continue;
      text += `${lineOf(row) ?? invalid(`站点 ${origin} 第 ${seq} 条变更格式错误`)}\n`;
      pending += 1;
      if (seq % BLOCK === 0) {
        flush();
        const [k, chain] = hasher.blocks.at(-1)!;
        const given = stored.get(k);
        if (given && !given.equals(chain) && seq > floor) {
          invalid(`${office} 第 ${seq} 条前后的链不符`);
        }
        runBlocks.push({ origin, block: k, chain });
      }
      const head = heads.get(seq);
      if (head) {
        flush();
        const state = hasher.state();
        const body = headBody(check.zoneId, origin, seq, state);
        const valid = state.equals(head.state) && verifyStatement('head', body, head.sig, signer);
        if (valid) {
          out.heads.push({ origin, seq, state, sig: head.sig });
          lastHead = seq;
        } else if (seq > floor) {
          throw new AppError('FILE_UNAUTHENTICATED', `快照中 ${office} 的变更与其签名不符`);
        }
      }
    }
    closeRun();
  }
  return out;
}
