// Files forged by a member of the zone, correctly framed, encrypted and signed, so that they reach
// the import's later checks: the sender signs the manifest, and each origin's segment is signed by
// the sender's key when it is the origin, else by the zone root's key when the sender holds it
// (a 本部 laptop), else by the sender's key anyway (which the importer must refuse).
import type { AppDatabase } from '../../db/app-database';
import {
  BLOCK,
  ChainHasher,
  ZERO_CHAIN,
  blockStart,
  chainAtBlock,
  headWithin,
} from '../../db/sync/chain';
import { encodeChange } from '../../db/sync/change-codec';
import type { Change } from '../../db/sync/change-codec';
import { PayloadCompressor, encodeFile } from '../../db/sync/file-format';
import type { GzippedPayload, Manifest, ManifestDraft, Segment } from '../../db/sync/file-format';
import { knownSites, ownOffice } from '../../db/sync/peers';
import { headBody, readRoster, zoneOf } from '../../db/sync/zone';
import { signStatement } from '../../db/sync/zone-crypto';

export interface ForgeOptions {
  /** Replaces parts of the manifest the sender would write. */
  manifest?: Partial<ManifestDraft>;
  /** Replaces the computed segments. */
  segments?: (computed: Segment[]) => Segment[];
  passphrase?: string;
  /** Signs with this key instead of the sender's (a stolen or wrong key). */
  signKey?: string;
  /** Signs an origin's head with this key instead (a stolen, another member's or a random one). */
  headKey?: (origin: string) => string | undefined;
  /** A change's line instead of its canonical one; the chain hashes the line as written. */
  line?: (change: Change, canonical: string) => string;
  /** Replaces the gzipped payload, or what it declares, before the file is assembled. */
  payload?: (payload: GzippedPayload) => GzippedPayload | Promise<GzippedPayload>;
  /** Encrypts with this key instead of the zone's newest, and names this epoch. */
  zoneKey?: Buffer;
  epoch?: number;
}

type LineOptions = Pick<ForgeOptions, 'headKey' | 'line'>;

const lineOf = (c: Change, options: LineOptions) =>
  options.line ? options.line(c, encodeChange(c)) : encodeChange(c);

/** The segments a sender would write for these changes, in (origin, seq) order. */
export function segmentsFor(
  sender: AppDatabase,
  changes: Change[],
  options: LineOptions = {},
): Segment[] {
  const zone = zoneOf(sender.sqlite);
  const byOrigin = new Map<string, Change[]>();
  for (const c of changes) {
    let list = byOrigin.get(c.origin);
    if (!list) byOrigin.set(c.origin, (list = []));
    list.push(c);
  }
  const segments: Segment[] = [];
  for (const [origin, list] of byOrigin) {
    const from = list[0]!.seq;
    const k = (blockStart(from) - 1) / BLOCK;
    const prefix =
      from === blockStart(from) ? (chainAtBlock(sender.sql, origin, k) ?? ZERO_CHAIN) : ZERO_CHAIN;
    const hasher = new ChainHasher(prefix, from - 1);
    for (const c of list) hasher.add(Buffer.from(lineOf(c, options) + '\n'));
    const to = hasher.seq;
    const state = hasher.state();
    // Another origin's changes as the sender holds them carry that origin's own signed head.
    const stored = origin === sender.siteId ? undefined : headWithin(sender.sql, origin, to, to);
    const held = !options.headKey && stored?.state.equals(state) ? stored : undefined;
    const key =
      options.headKey?.(origin) ??
      (origin === sender.siteId ? zone.siteKey : (zone.rootPrivate ?? zone.siteKey));
    segments.push({
      origin,
      from,
      to,
      prefix: prefix.toString('hex'),
      state: state.toString('hex'),
      sig: held?.sig ?? signStatement('head', headBody(zone.id, origin, to, state), key),
    });
  }
  return segments;
}

export async function forgeFile(
  sender: AppDatabase,
  changes: Change[],
  options: ForgeOptions = {},
): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const zone = zoneOf(sender.sqlite);
  const segments = segmentsFor(sender, changes, options);
  const vector: Record<string, number> = {};
  for (const s of segments) vector[s.origin] = s.to;
  const draft: ManifestDraft = {
    fileId: `forged-${Math.random().toString(36).slice(2)}`,
    zone: { id: zone.id, name: zone.name, kind: zone.kind },
    sender: { siteId: sender.siteId, office: ownOffice(sender.sql) },
    app: { version: '0.1.0' },
    schemaVersion: 6,
    minReaderSchema: 3,
    createdAt: new Date().toISOString(),
    vector,
    sites: knownSites(sender.sql, sender.siteId),
    forSite: null,
    forOffice: null,
    full: true,
    segments: options.segments ? options.segments(segments) : segments,
    roster: readRoster(sender.sql),
    ...options.manifest,
  };
  const compressor = new PayloadCompressor();
  const text = changes.map((c) => lineOf(c, options) + '\n').join('');
  compressor.add(Buffer.from(text, 'utf8'), changes.length);
  let payload = await compressor.finish();
  if (options.payload) payload = await options.payload(payload);
  return encodeFile(draft, payload, {
    zoneKey: options.zoneKey ?? zone.key,
    epoch: options.epoch ?? zone.epoch,
    signKey: options.signKey ?? zone.siteKey,
    passphrase: options.passphrase,
  });
}
