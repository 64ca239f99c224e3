// Compaction of the change log (docs/sync.md S19): what it did, and which peers held it back.
import { z } from 'zod';

/** A peer is named as silent when no file came from it for this many days. */
export const DEFAULT_SILENT_DAYS = 90;

export const syncCompactInput = z
  .object({
    /** Site ids of silent peers the user chose to leave out, having seen them named. */
    exclude: z.array(z.string().min(1).max(100)).max(1000).optional(),
    silentDays: z.number().int().min(1).max(3650).optional(),
    /** Rewrites the file so that it shrinks (VACUUM); on by default. */
    vacuum: z.boolean().optional(),
  })
  .strict()
  .optional();

export type SyncCompactInput = z.output<typeof syncCompactInput>;

export interface CompactionPeer {
  siteId: string;
  office: string | null;
  /** When its last file came in; null: never. */
  lastIn: string | null;
  /** Silent past the set time (or never heard from). */
  silent: boolean;
  /** Changes this replica holds that the peer lacks. */
  lacking: number;
  /** Excluded by the user (now or before): what it lacks may be gone. */
  excluded: boolean;
  /** An invitation no laptop has joined with yet (siteId is then the invitation's id). */
  invitation: boolean;
}

export interface CompactionReport {
  changesBefore: number;
  changesAfter: number;
  /** Changes that left the live log, kept only as their key (and a project's values). */
  archived: number;
  /** Rows' only changes that left the live log as a stamp: their values are the rows' own. */
  settled: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Peers that lack changes, so that what they lack stays. */
  heldBackBy: CompactionPeer[];
  /** Silent peers, held back or not, excluded or not. */
  silent: CompactionPeer[];
  /** Site ids of the peers excluded, now or by an earlier compaction. */
  excluded: string[];
  ms: number;
  message: string;
}
