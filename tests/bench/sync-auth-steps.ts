// The authentication work of a sync import and export (zone key, signatures, hash chain, canonical
// lines), step by step, timed on the bench's own file with the product's own functions. The bench
// reports the import and export "without authentication" as their measured times minus these steps:
// the same code path, minus exactly this work, with no switch in the product that could turn
// authentication off.
import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { AppDatabase } from '../../db/app-database';
import { Sql } from '../../db/sql';
import { ChainHasher, ZERO_CHAIN, storeBlocks, storeChains } from '../../db/sync/chain';
import { isCanonical } from '../../db/sync/change-codec';
import {
  HeadCheck,
  checkSender,
  decryptPayload,
  encryptPayload,
  readManifest,
} from '../../db/sync/file-format';
import type { DecodedFile } from '../../db/sync/file-format';
import { trustOf } from '../../db/sync/import';
import { headBody, mergeRoster, readRoster } from '../../db/sync/zone';
import type { Zone } from '../../db/sync/zone';
import { fileKey, signStatement } from '../../db/sync/zone-crypto';

export interface StepTime {
  label: string;
  /** Wall seconds and this process's CPU seconds: the median of RUNS runs each. */
  s: number;
  cpu: number;
}

const RUNS = 3;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}

function step(label: string, work: () => unknown): StepTime {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    work();
    walls.push((performance.now() - t) / 1000);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1e6);
  }
  return { label, s: median(walls), cpu: median(cpus) };
}

/** Writes in a transaction that is rolled back, so that each run finds the database as before. */
function rolledBack(app: AppDatabase, work: (sql: Sql) => void): () => void {
  class Rollback extends Error {}
  return () => {
    try {
      app.sqlite.transaction(() => {
        work(new Sql(app.sqlite));
        throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  };
}

/**
 * The import's authentication steps on `file` as `target` (not yet holding it) would import it,
 * and the export's on the same changes with the sender's zone. `decoded` is the file read by the
 * importer beforehand; only the work the import and export do for authentication is timed.
 */
export function authenticationSteps(
  target: AppDatabase,
  file: string,
  decoded: DecodedFile,
  sender: Zone,
): { importSteps: StepTime[]; exportSteps: StepTime[] } {
  const bytes = readFileSync(file);
  const { manifest, manifestBytes, signature, payload } = readManifest(bytes);
  const trust = trustOf(target);
  const salt = Buffer.from(manifest.encryption.salt, 'base64');
  const iv = Buffer.from(manifest.encryption.iv, 'base64');
  const compressed = decryptPayload(payload, manifestBytes, fileKey(trust.zone.key, salt), iv);
  const raw = gunzipSync(compressed);
  const ends: number[] = [];
  for (let at = raw.indexOf(0x0a); at >= 0; at = raw.indexOf(0x0a, at + 1)) ends.push(at + 1);
  const starts = [0, ...ends.slice(0, -1)];
  const lines = starts.map((s, i) => raw.toString('utf8', s, ends[i]! - 1));
  const parsed = lines.map((line) => JSON.parse(line) as unknown);
  const lineBytes = starts.map((s, i) => raw.subarray(s, ends[i]));
  const { changes } = decoded;
  if (changes.length !== lines.length) throw new Error('sync bench: lines and changes differ');
  const members = checkSender(trust, manifest, manifestBytes, signature);

  const importSteps = [
    // Once before the already-imported check, once in decodeFile.
    step('sender: roster, manifest signatures', () => {
      for (let i = 0; i < 2; i++) checkSender(trustOf(target), manifest, manifestBytes, signature);
    }),
    step('decrypt (AES-256-GCM)', () =>
      decryptPayload(payload, manifestBytes, fileKey(trust.zone.key, salt), iv),
    ),
    step('chain of every line, heads', () => {
      const heads = new HeadCheck(trust.zone, manifest, members);
      for (let i = 0; i < changes.length; i++) heads.add(changes[i]!, raw, starts[i]!, ends[i]!);
      heads.finish();
    }),
    step('canonical lines, UTF-8', () => {
      if (!isUtf8(raw)) throw new Error('sync bench: payload not UTF-8');
      for (let i = 0; i < lines.length; i++) {
        if (!isCanonical(parsed[i], lines[i]!)) throw new Error('sync bench: line not canonical');
      }
    }),
    step(
      'store roster, blocks, heads',
      rolledBack(target, (sql) => {
        mergeRoster(sql.sqlite, manifest.roster);
        storeChains(sql, decoded.chains, manifest.sites);
      }),
    ),
  ];

  const origin = changes[0]!.origin;
  let blocks: [number, Buffer][] = [];
  const exportSteps = [
    step('chain of every line, head', () => {
      const hasher = new ChainHasher(ZERO_CHAIN, 0);
      for (const line of lineBytes) hasher.add(line);
      const body = headBody(sender.id, origin, hasher.seq, hasher.state());
      signStatement('head', body, sender.siteKey);
      blocks = hasher.blocks;
    }),
    step('roster, manifest signature', () => {
      readRoster(target.sql);
      signStatement('manifest', manifestBytes, sender.siteKey);
    }),
    step('encrypt (AES-256-GCM)', () =>
      encryptPayload(compressed, manifestBytes, fileKey(sender.key, randomBytes(16)), iv),
    ),
    step(
      'store chain blocks',
      rolledBack(target, (sql) => storeBlocks(sql, origin, blocks)),
    ),
  ];
  return { importSteps, exportSteps };
}
