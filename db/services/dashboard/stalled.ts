// The 五未 list: the projects breaking a rule on as-of, most overdue first, with counts per rule.
import type { Dashboard, StalledItem } from '../../../domain/dashboard';
import { labelOf, offices } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import { stalledSelect } from './conditions';
import type { Scope } from './scope';

/** Each project (its id and rowid) and rule it breaks, with the days overdue. */
export function stalledRows(
  tx: Tx,
  scope: Scope,
): { rowid: number; id: string; rule: number; days: number }[] {
  const select = stalledSelect(scope.stalledRules, scope.asOf);
  if (!select) return [];
  const params = { ...scope.params, ...select.cutoffs };
  const rows = tx.sql.prepare(select.settled).all(params) as {
    rowid: number;
    id: string;
    rule: number;
    days: number;
  }[];
  // The unsettled projects come as [rowid, id, days under each rule (null: not broken)].
  const unsettled = tx.sql.prepare(select.unsettled).raw().all(params) as (
    string | number | null
  )[][];
  for (const row of unsettled) {
    select.rules.forEach((rule, n) => {
      const days = row[n + 2];
      if (typeof days === 'number') {
        rows.push({ rowid: row[0] as number, id: row[1] as string, rule, days });
      }
    });
  }
  return rows;
}

/**
 * The 五未 list, most overdue first: one item per project and rule it breaks. With a limit, only
 * the first items are described (the wide project rows are read for those alone).
 */
export function stalledItems(
  tx: Tx,
  scope: Scope,
  limit = Infinity,
): {
  items: StalledItem[];
  count: number;
  byRule: Dashboard['stalledByRule'];
  projects: string[];
} {
  const entries = stalledRows(tx, scope);
  const shown = mostOverdue(entries, limit);
  const details = new Map(
    (
      tx.sql
        .prepare(
          `SELECT id, code, name, owner_name AS owner, office_id AS office, problems
           FROM project WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify([...new Set(shown.map((e) => e.id))])) as {
        id: string;
        code: string | null;
        name: string | null;
        owner: string | null;
        office: string | null;
        problems: string | null;
      }[]
    ).map((d) => [d.id, d]),
  );
  const items = shown.map((e): StalledItem => {
    const rule = scope.stalledRules[e.rule]!;
    const d = details.get(e.id);
    return {
      projectId: e.id,
      code: d?.code ?? null,
      name: d?.name ?? '',
      owner: d?.owner ?? null,
      office: labelOf(offices, d?.office ?? null),
      ruleKey: rule.key,
      rule: rule.label,
      overdueDays: e.days,
      problems: d?.problems ?? null,
    };
  });
  const perRule = scope.stalledRules.map((rule) => ({
    ruleKey: rule.key,
    rule: rule.label,
    count: 0,
  }));
  // The projects, each once: told apart by rowid, as a set of numbers costs less than of strings.
  const seen = new Set<number>();
  const projects: string[] = [];
  for (const e of entries) {
    perRule[e.rule]!.count += 1;
    if (!seen.has(e.rowid)) {
      seen.add(e.rowid);
      projects.push(e.id);
    }
  }
  return { items, count: entries.length, byRule: perRule.filter((r) => r.count > 0), projects };
}

type StalledRow = ReturnType<typeof stalledRows>[number];

/**
 * The first `limit` entries, most overdue first; ties in the order the rules are listed, then by
 * id, so every replica lists the same. Only the entries at least as overdue as the limit-th one
 * are sorted (found from their days alone), not the whole list.
 */
function mostOverdue(entries: StalledRow[], limit: number): StalledRow[] {
  let candidates = entries;
  if (entries.length > limit) {
    const days = new Int32Array(entries.length);
    for (let i = 0; i < entries.length; i++) days[i] = entries[i]!.days;
    const least = days.sort()[entries.length - limit]!;
    candidates = entries.filter((e) => e.days >= least);
  }
  return candidates
    .sort((a, b) => b.days - a.days || a.rule - b.rule || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
