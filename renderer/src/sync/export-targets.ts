// Whom a file can be made for: every office of the zone but this one (an office never heard from
// gets everything), every peer office heard from, and 全量 (the whole log, for a new laptop).
import type { SyncPeer } from '../../../domain/sync';
import { offices } from '../../../domain/vocabulary';

export const FULL_EXPORT = '__full__';

export interface ExportTarget {
  /** The office name or site id sync.export takes, or FULL_EXPORT. */
  value: string;
  label: string;
}

export function exportTargets(own: string | null, peers: readonly SyncPeer[]): ExportTarget[] {
  const names = new Set<string>(offices.map((o) => o.label));
  for (const p of peers) if (p.office) names.add(p.office);
  const targets: ExportTarget[] = [...names]
    .filter((name) => name !== own)
    .map((name) => ({ value: name, label: name }));
  for (const p of peers) {
    if (!p.office) targets.push({ value: p.siteId, label: `站点 ${p.siteId.slice(0, 8)}` });
  }
  targets.push({ value: FULL_EXPORT, label: '全量（全部变更）' });
  return targets;
}
