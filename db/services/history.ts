// A project's change history, read from the change log and what compaction archived of it (S19):
// who changed which field, from what, to what, and when. Ids are shown as the names they point to.
import type { HistoryEntry } from '../../domain/history';
import { projectFieldLabels } from '../../domain/project-input';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { parseHlc } from '../sync/hlc';
import { settledChangeSql } from '../sync/settled';
import { camel } from './rows';

type Value = string | number | null;

const columnLabels: Record<string, string> = {
  investor_id: '投资方',
  owner_id: '招商责任人',
  office_id: '驻点/责任单位',
  total_investment: '总投资',
  investment_currency: '总投资币种',
  industrial: '产业项目',
  leader_project: '省市县长工程',
  deleted: '删除',
};

export function projectHistory(tx: Tx, id: string): HistoryEntry[] {
  const changes = tx.sql
    .prepare(
      `SELECT hlc, author, fields FROM sync_change WHERE tbl = 'project' AND row_id = ?
       UNION ALL SELECT hlc, author, fields FROM sync_archive WHERE row_id = ?
       UNION ALL ${settledChangeSql('project')} ORDER BY hlc`,
    )
    .all(id, id, id) as { hlc: string; author: string | null; fields: string }[];
  const current: Record<string, Value> = {};
  const entries: HistoryEntry[] = [];
  for (const change of changes) {
    const at = new Date(parseHlc(change.hlc).ms).toISOString();
    for (const [col, to] of Object.entries(JSON.parse(change.fields) as Record<string, Value>)) {
      const from = current[col] ?? null;
      current[col] = to;
      if (from === to) continue;
      entries.push({
        hlc: change.hlc,
        at,
        author: change.author,
        field: camel(col),
        label: columnLabels[col] ?? projectFieldLabels[camel(col)] ?? col,
        from: shown(tx, col, from),
        to: shown(tx, col, to),
      });
    }
  }
  return entries.reverse();
}

function shown(tx: Tx, col: string, value: Value): string | number | boolean | null {
  if (value === null) return null;
  if (col === 'investor_id')
    return nameOf(tx, 'SELECT name_zh AS name FROM investor WHERE id = ?', value);
  if (col === 'owner_id') return nameOf(tx, 'SELECT name FROM promoter WHERE id = ?', value);
  if (col === 'office_id') return labelOf(offices, String(value));
  if (['industrial', 'leader_project', 'deleted'].includes(col)) return value === 1;
  return value;
}

function nameOf(tx: Tx, query: string, id: Value): string {
  const row = tx.sql.prepare(query).get(id) as { name: string | null } | undefined;
  return row?.name ?? String(id);
}
