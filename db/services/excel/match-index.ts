// What an Excel import matches its rows against. Projects are looked up row by row through their
// stored match key and 项目编号 (both indexed), so a preview costs what its rows cost, not what
// the database holds. Investors are matched by the name key of either name, which is not stored:
// they are read whole, and the preview keeps that reading for the commit that follows it, which
// reuses it as long as nothing was written in between (the connection's own changes and other
// connections' commits both move the stamp).
import { nameKey } from '../../../domain/investor-names';
import type { Tx } from '../../app-database';

export interface MatchIndex {
  /** Live projects with this match key (domain/project-match.ts). */
  byKey(key: string): string[];
  /**
   * The live project with this 项目编号, the one with this match key first: codes are not unique
   * (typed by hand, or numbered by two laptops of one office).
   */
  byCode(code: string, key: string): { id: string; name: string; key: string } | undefined;
  /** An investor's 中文名称 by the name key of either of its names. */
  investors: Map<string, string>;
}

export interface InvestorNames {
  /** The database's write stamp when it was read. */
  at: string;
  investors: Map<string, string>;
}

/** The investors' names as they are now: `earlier` again if nothing was written since. */
export function readInvestorNames(tx: Tx, earlier?: InvestorNames | null): InvestorNames {
  const db = tx.sql.sqlite;
  const at = `${db.pragma('data_version', { simple: true })}:${
    db.prepare('SELECT total_changes()').pluck().get() as number
  }`;
  if (earlier?.at === at) return earlier;
  return { at, investors: investorNamesByKey(tx) };
}

/** The lookups of a plan: projects by index, investors from the reading. */
export function matchIndex(tx: Tx, reading: InvestorNames): MatchIndex {
  const byKey = tx.sql.prepare('SELECT id FROM project WHERE match_key = ? AND deleted = 0');
  const byCode = tx.sql.prepare(
    `SELECT id, name, match_key AS key FROM project WHERE code = ? AND deleted = 0
     ORDER BY match_key IS ? DESC, id`,
  );
  return {
    byKey: (key) => byKey.pluck().all(key) as string[],
    byCode: (code, key) =>
      byCode.get(code, key) as { id: string; name: string; key: string } | undefined,
    investors: reading.investors,
  };
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
