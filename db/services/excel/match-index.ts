// What an Excel import matches its rows against: every live project by investor and name (and by
// 项目编号), every investor by its name key. Both are read from the whole database, so the preview
// keeps its reading for the commit that follows it, which reuses it as long as nothing was written
// in between (the connection's own changes and other connections' commits both move the stamp).
// The reading lives only as long as the pending preview: tens of MB at 100k projects.
import { nameKey } from '../../../domain/investor-names';
import type { Tx } from '../../app-database';

/** A project name set apart from width, case, spaces and punctuation (not legal forms: 集团总部项目 ≠ 总部项目). */
export const projectKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

export const matchKey = (investor: string | null | undefined, name: string) =>
  `${nameKey(investor ?? '')}\u0001${projectKey(name)}`;

export interface MatchIndex {
  /** Live projects by matchKey. */
  byKey: Map<string, string[]>;
  /** Live projects by 项目编号. */
  byCode: Map<string, { id: string; name: string; key: string }>;
  /** An investor's 中文名称 by the name key of either of its names. */
  investors: Map<string, string>;
}

export interface MatchReading {
  /** The database's write stamp when it was read. */
  at: string;
  index: MatchIndex;
}

/** The reading of the database as it is now: `earlier` again if nothing was written since. */
export function readMatchIndex(tx: Tx, earlier?: MatchReading | null): MatchReading {
  const db = tx.sql.sqlite;
  const at = `${db.pragma('data_version', { simple: true })}:${
    db.prepare('SELECT total_changes()').pluck().get() as number
  }`;
  if (earlier?.at === at) return earlier;
  return { at, index: { ...projectsByKey(tx), investors: investorNamesByKey(tx) } };
}

function projectsByKey(tx: Tx): Pick<MatchIndex, 'byKey' | 'byCode'> {
  const byKey = new Map<string, string[]>();
  const byCode = new Map<string, { id: string; name: string; key: string }>();
  for (const p of tx.sql
    .prepare('SELECT id, code, name, investor_name FROM project WHERE deleted = 0')
    .all() as { id: string; code: string | null; name: string; investor_name: string | null }[]) {
    const key = matchKey(p.investor_name, p.name);
    byKey.set(key, [...(byKey.get(key) ?? []), p.id]);
    if (p.code) byCode.set(p.code, { id: p.id, name: p.name, key });
  }
  return { byKey, byCode };
}

function investorNamesByKey(tx: Tx): Map<string, string> {
  const names = new Map<string, string>();
  const rows = tx.sql
    .prepare('SELECT name_zh, name_en FROM investor WHERE deleted = 0 ORDER BY id')
    .all() as { name_zh: string | null; name_en: string | null }[];
  for (const { name_zh, name_en } of rows) {
    if (!name_zh) continue;
    for (const name of [name_zh, name_en]) {
      const key = name ? nameKey(name) : '';
      if (key && !names.has(key)) names.set(key, name_zh);
    }
  }
  return names;
}
