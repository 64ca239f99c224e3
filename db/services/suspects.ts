// Suspected duplicates (issue 18): records that look like one, found by grouping on what identifies
// them (a name reduced by nameKey, a code, a phone), never by comparing every pair, so the work
// grows with the records and the groups they share. A pair judged "not the same" is a synced
// not_duplicate row and is not listed again; merged-away records are deleted and never listed.
import { AppError } from '../../domain/errors';
import { nameKey } from '../../domain/investor-names';
import type { MergeKind } from '../../domain/merge';
import { mergeKinds } from '../../domain/merge';
import { readTextList } from '../../domain/stored-values';
import type { Suspect, SuspectList, SuspectReason, SuspectSide } from '../../domain/suspects';
import { MAX_SUSPECTS, notDuplicateId } from '../../domain/suspects';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { refuseMergedAway } from '../merges';
import { toSimplified } from '../search-fold';

/** A group larger than this is a common name (厂房扩建), not a duplicate: its pairs are skipped. */
const MAX_GROUP = 8;

type Pairs = Map<string, Set<SuspectReason>>;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function addGroups(pairs: Pairs, groups: Map<string, string[]>, reason: SuspectReason): void {
  for (const ids of groups.values()) {
    const distinct = [...new Set(ids)];
    if (distinct.length < 2 || distinct.length > MAX_GROUP) continue;
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) {
        const key = pairKey(distinct[i]!, distinct[j]!);
        let reasons = pairs.get(key);
        if (!reasons) pairs.set(key, (reasons = new Set()));
        reasons.add(reason);
      }
    }
  }
}

function group<T>(
  rows: Iterable<T>,
  keysOf: (row: T) => Iterable<string | null>,
  idOf: (row: T) => string,
) {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      if (key === null || key === '') continue;
      const ids = groups.get(key);
      if (ids) ids.push(idOf(row));
      else groups.set(key, [idOf(row)]);
    }
  }
  return groups;
}

const keyOf = (name: string | null) => {
  if (!name) return null;
  const key = nameKey(toSimplified(name));
  return key.length >= 2 ? key : null;
};

interface InvestorRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  aliases: string | null;
  credit_code: string | null;
  parent_investor_id: string | null;
}

function investorPairs(tx: Tx): Pairs {
  const rows = tx.sql
    .prepare(
      `SELECT id, name_zh, name_en, aliases, credit_code, parent_investor_id
       FROM investor WHERE deleted = 0`,
    )
    .all() as InvestorRow[];
  const pairs: Pairs = new Map();
  addGroups(
    pairs,
    group(
      rows,
      (r) => [r.credit_code],
      (r) => r.id,
    ),
    'creditCode',
  );
  const names = group(
    rows,
    (r) => new Set([keyOf(r.name_zh), keyOf(r.name_en)]),
    (r) => r.id,
  );
  addGroups(pairs, names, 'name');
  // An alias of one that is the other's name.
  const byAlias = group(
    rows,
    (r) => readTextList(r.aliases).map(keyOf),
    (r) => r.id,
  );
  for (const [key, ids] of byAlias) {
    const named = names.get(key);
    if (named) addGroups(pairs, new Map([[key, [...ids, ...named]]]), 'alias');
  }
  // A subsidiary someone linked to its parent is known to be another company.
  for (const r of rows) {
    if (r.parent_investor_id) pairs.delete(pairKey(r.id, r.parent_investor_id));
  }
  return pairs;
}

interface ProjectRow {
  id: string;
  name: string;
  investor_id: string | null;
  project_code: string | null;
  total_investment: number | null;
  investment_currency: string | null;
  signed_on: string | null;
}

/** A project's name says less than an investor's: a pair needs something else in common. */
function projectPairs(tx: Tx): Pairs {
  const rows = tx.sql
    .prepare(
      `SELECT id, name, investor_id, project_code, total_investment, investment_currency, signed_on
       FROM project WHERE deleted = 0`,
    )
    .all() as ProjectRow[];
  const pairs: Pairs = new Map();
  addGroups(
    pairs,
    group(
      rows,
      (r) => [r.project_code],
      (r) => r.id,
    ),
    'projectCode',
  );
  const byName = group(
    rows,
    (r) => [keyOf(r.name)],
    (r) => r.id,
  );
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const named: Pairs = new Map();
  addGroups(named, byName, 'name');
  for (const [key, reasons] of named) {
    reasons.delete('name');
    const [a, b] = key.split('|').map((id) => rowOf.get(id)!) as [ProjectRow, ProjectRow];
    if (a.investor_id !== null && a.investor_id === b.investor_id) reasons.add('sameInvestor');
    if (a.total_investment !== null && a.total_investment === b.total_investment) {
      if (a.investment_currency === b.investment_currency) reasons.add('amount');
    }
    if (a.signed_on !== null && a.signed_on === b.signed_on) reasons.add('date');
    if (reasons.size === 0) continue;
    const known = pairs.get(key);
    pairs.set(key, new Set([...(known ?? []), ...reasons]));
  }
  return pairs;
}

function contactPairs(tx: Tx): Pairs {
  const rows = tx.sql
    .prepare('SELECT id, name, phone, investor_id, project_id FROM contact WHERE deleted = 0')
    .all() as {
    id: string;
    name: string;
    phone: string | null;
    investor_id: string | null;
    project_id: string | null;
  }[];
  const pairs: Pairs = new Map();
  const digits = (phone: string | null) => {
    const d = (phone ?? '').replace(/\D/g, '');
    return d.length >= 7 ? d : null;
  };
  addGroups(
    pairs,
    group(
      rows,
      (r) => [digits(r.phone)],
      (r) => r.id,
    ),
    'phone',
  );
  const under = (r: (typeof rows)[number]) => {
    const name = r.name.replace(/\s+/g, '');
    return [
      r.investor_id ? `i:${r.investor_id}:${name}` : null,
      r.project_id ? `p:${r.project_id}:${name}` : null,
    ];
  };
  addGroups(
    pairs,
    group(rows, under, (r) => r.id),
    'contactName',
  );
  return pairs;
}

const finders: Record<MergeKind, (tx: Tx) => Pairs> = {
  investor: investorPairs,
  project: projectPairs,
  contact: contactPairs,
};

const reasonOrder = Object.keys({
  creditCode: 0,
  projectCode: 0,
  name: 0,
  alias: 0,
  sameInvestor: 0,
  amount: 0,
  date: 0,
  phone: 0,
  contactName: 0,
} satisfies Record<SuspectReason, 0>) as SuspectReason[];

const certain = (reasons: SuspectReason[]) =>
  reasons.includes('creditCode') || reasons.includes('projectCode');

export function listSuspects(
  tx: Tx,
  input: { kind?: MergeKind; limit?: number } = {},
): SuspectList {
  const limit = input.limit ?? MAX_SUSPECTS;
  const judged = new Set(
    tx.sql.prepare('SELECT id FROM not_duplicate WHERE deleted = 0').pluck().all() as string[],
  );
  const found: { kind: MergeKind; a: string; b: string; reasons: SuspectReason[] }[] = [];
  for (const kind of input.kind ? [input.kind] : mergeKinds) {
    for (const [key, reasons] of finders[kind](tx)) {
      const [a, b] = key.split('|') as [string, string];
      if (judged.has(notDuplicateId(kind, a, b))) continue;
      found.push({ kind, a, b, reasons: reasonOrder.filter((r) => reasons.has(r)) });
    }
  }
  found.sort(
    (x, y) =>
      Number(certain(y.reasons)) - Number(certain(x.reasons)) ||
      y.reasons.length - x.reasons.length ||
      mergeKinds.indexOf(x.kind) - mergeKinds.indexOf(y.kind) ||
      x.a.localeCompare(y.a) ||
      x.b.localeCompare(y.b),
  );
  const suspects: Suspect[] = found.slice(0, limit).map((f) => ({
    kind: f.kind,
    a: sideOf(tx, f.kind, f.a),
    b: sideOf(tx, f.kind, f.b),
    reasons: f.reasons,
  }));
  return { suspects, truncated: found.length > limit };
}

function sideOf(tx: Tx, kind: MergeKind, id: string): SuspectSide {
  if (kind === 'project') {
    const p = tx.sql
      .prepare(`SELECT name, office_id, investor_name, code FROM project WHERE id = ?`)
      .get(id) as {
      name: string;
      office_id: string | null;
      investor_name: string | null;
      code: string | null;
    };
    return {
      id,
      name: p.name,
      office: labelOf(offices, p.office_id),
      detail: [p.code, p.investor_name].filter(Boolean).join(' · ') || null,
    };
  }
  if (kind === 'investor') {
    const i = tx.sql
      .prepare(
        `SELECT name_zh, name_en,
           (SELECT office_id FROM project WHERE investor_id = investor.id AND deleted = 0
            GROUP BY office_id ORDER BY count(*) DESC LIMIT 1) AS office,
           (SELECT count(*) FROM project WHERE investor_id = investor.id AND deleted = 0) AS projects
         FROM investor WHERE id = ?`,
      )
      .get(id) as {
      name_zh: string;
      name_en: string | null;
      office: string | null;
      projects: number;
    };
    return {
      id,
      name: i.name_zh,
      office: labelOf(offices, i.office),
      detail: [i.name_en, `${i.projects} 个项目`].filter(Boolean).join(' · '),
    };
  }
  const c = tx.sql
    .prepare(
      `SELECT c.name, c.phone, coalesce(i.name_zh, p.name) AS owner, p.office_id AS office
       FROM contact c LEFT JOIN investor i ON i.id = c.investor_id
       LEFT JOIN project p ON p.id = c.project_id WHERE c.id = ?`,
    )
    .get(id) as { name: string; phone: string | null; owner: string | null; office: string | null };
  return {
    id,
    name: c.name,
    office: labelOf(offices, c.office),
    detail: [c.owner, c.phone].filter(Boolean).join(' · ') || null,
  };
}

/** "Not the same": a synced judgment, so no office lists the pair again. */
export function markNotDuplicate(
  tx: Tx,
  input: { kind: MergeKind; a: string; b: string },
): { id: string } {
  if (input.a === input.b) throw new AppError('MERGE_SAME');
  for (const id of [input.a, input.b]) {
    const live = tx.sql.prepare(`SELECT 1 FROM ${input.kind} WHERE id = ? AND deleted = 0`).get(id);
    if (!live) {
      refuseMergedAway(tx.sql, input.kind, id);
      throw new AppError('NOT_FOUND', id);
    }
  }
  const [a, b] = [input.a, input.b].sort() as [string, string];
  const id = notDuplicateId(input.kind, a, b);
  tx.mutate.put('not_duplicate', id, { kind: input.kind, a_id: a, b_id: b, deleted: 0 });
  return { id };
}
