// The checks a snapshot's database image passes before any of it is committed (docs/sync.md S22).
// The image is untrusted even though its sender signed it: it must be a sound SQLite file with
// exactly this version's schema (no extra trigger, view or index can ride along), every change of
// every origin must hash into that origin's chain and end at a head the origin (or the zone root)
// signed, as in a sync file (S13, Z4); nothing may claim this laptop's site id; vectors may state
// only what is held; no change may be over an hour ahead (S15); every live row's values must pass
// the rules of local input (S20). Only the chains and heads verified here are kept.
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { DRIFT_REJECT_MS } from './import';
import type { VerifiedChains } from './snapshot-chains';
import { prepareChains, prepareValues } from './snapshot-chains-thread';
import type { PreparedCheck } from './snapshot-chains-thread';
import type { Zone, Member } from './zone';

const invalid = (detail: string): never => {
  throw new AppError('SNAPSHOT_INVALID', detail);
};

/** The schema objects a database of this version has (SQLite's own tables aside). */
export function schemaOf(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .raw()
    .all();
  return JSON.stringify(rows);
}

export interface VerifiedImage extends VerifiedChains {
  maxHlc: string | null;
}

export interface ImageCheck {
  zone: Zone;
  members: Map<string, Member>;
  /** This laptop's site id: the image may hold none of its changes. */
  siteId: string;
  /** The receiver's own schema and migrations, which the image must equal. */
  schema: string;
  migrations: string;
  nowMs: number;
}

/** The workers of an ImageCheck's chain and value checks, started before the image is ready. */
export function prepareChecks(check: ImageCheck): ImageWorkers {
  const chains = prepareChains({
    zoneId: check.zone.id,
    rootPublic: check.zone.rootPublic,
    members: check.members,
    siteId: check.siteId,
  });
  const values = prepareValues({ nowMs: check.nowMs, driftRejectMs: DRIFT_REJECT_MS });
  return {
    chains,
    values,
    stop: async () => {
      await Promise.all([chains.stop(), values.stop()]);
    },
  };
}

export interface ImageWorkers {
  chains: PreparedCheck<VerifiedChains>;
  values: PreparedCheck<{ maxHlc: string | null }>;
  stop: () => Promise<void>;
}

/**
 * Checks the opened image (read-only; `file` is where it is); returns the chains and heads to keep.
 * The chain check and the value checks, most of the work, run on worker threads (`workers`,
 * started early by the caller, or here) with connections of their own, while this thread runs
 * `quick_check` and compares the schema; once the image is a sound database of this very schema,
 * `alongside` runs here (the caller's writing of its tables, in a transaction it commits only after
 * this resolves). A refusal is the one the checks in their order meet first: soundness, schema,
 * chains, values.
 */
export async function checkImage(
  image: Database.Database,
  file: string,
  check: ImageCheck,
  workers: ImageWorkers = prepareChecks(check),
  alongside: () => void = () => undefined,
): Promise<VerifiedImage> {
  const chains = workers.chains.start(file);
  const values = workers.values.start(file);
  try {
    const quick = image.pragma('quick_check', { simple: true });
    if (quick !== 'ok') invalid('数据库结构损坏');
    if (schemaOf(image) !== check.schema) invalid('数据库结构与本机版本不同');
    const migrations = JSON.stringify(
      image.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
    );
    if (migrations !== check.migrations) invalid('数据库版本与本机不同');
    alongside();
    const verified = await chains.done;
    const { maxHlc } = await values.done;
    return { ...verified, maxHlc };
  } finally {
    await workers.stop();
  }
}
