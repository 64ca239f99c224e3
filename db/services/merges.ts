// Merging two records that are one (issue 18) and undoing it. A merge writes two ordinary changes:
// the survivor's new values, and the other record's `merged_into`. What that means for the rows
// that name the other record is derived at every replica alike (db/merges.ts), so a merge made at
// one office, a merge of the same pair at another, and files arriving in any order converge.
import { AppError } from '../../domain/errors';
import type {
  MergeField,
  MergeInput,
  MergeKind,
  MergePreview,
  MergeResult,
  UnmergeResult,
} from '../../domain/merge';
import { mergeKindLabels, mergeKinds } from '../../domain/merge';
import { readTextList } from '../../domain/stored-values';
import type { Tx } from '../app-database';
import { mergeReferences, refuseMergedAway } from '../merges';
import { refuseCycle } from './entities';
import type { Fields, FieldValue } from '../mutation';
import { syncedTables } from '../synced-tables';

/** Columns a merge never copies: the record's state, and its own number. */
const KEPT = new Set(['deleted', 'merged_into', 'code']);
/** An investor's aliases as domain/entities.ts allows them: every office refuses more. */
const MAX_ALIASES = 20;
const MAX_ALIAS_LENGTH = 100;

const isEmpty = (v: FieldValue | undefined) => v === null || v === undefined || v === '';

function liveRow(tx: Tx, kind: MergeKind, id: string): Fields {
  const row = tx.sql.prepare(`SELECT * FROM ${kind} WHERE id = ? AND deleted = 0`).get(id) as
    Fields | undefined;
  if (!row) {
    refuseMergedAway(tx.sql, kind, id);
    // A careless id of another kind (a project's for an investor) is named as what it is.
    const actual = mergeKinds.find(
      (k) => k !== kind && tx.sql.prepare(`SELECT 1 FROM ${k} WHERE id = ?`).get(id),
    );
    if (actual) {
      throw new AppError(
        'MERGE_KIND',
        `${id} 是${mergeKindLabels[actual]}，不是${mergeKindLabels[kind]}`,
      );
    }
    throw new AppError('NOT_FOUND', `${mergeKindLabels[kind]} ${id}`);
  }
  return row;
}

/** Rows that name a record, by table (only live ones count). */
function naming(tx: Tx, kind: MergeKind, id: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ref of mergeReferences) {
    if (ref.target !== kind) continue;
    const n = tx.sql
      .prepare(`SELECT count(*) FROM ${ref.table} WHERE ${ref.column} = ? AND deleted = 0`)
      .pluck()
      .get(id) as number;
    if (n > 0) counts[ref.table] = (counts[ref.table] ?? 0) + n;
  }
  return counts;
}

/**
 * The survivor's aliases gain every name of both records it does not carry as its own after the
 * merge (the other's names, and its own where it took the other's), so a search for any finds it.
 * A name longer than an alias may be is left out: the change would be refused by every office.
 */
function mergedAliases(keep: Fields, other: Fields, taken: Fields): string | undefined {
  const own = readTextList(keep.aliases);
  const after = { ...keep, ...taken };
  const names = new Set([after.name_zh, after.name_en].filter((n) => typeof n === 'string'));
  const added = [
    keep.name_zh,
    keep.name_en,
    other.name_zh,
    other.name_en,
    ...readTextList(other.aliases),
  ].filter(
    (n): n is string =>
      typeof n === 'string' && n.trim() !== '' && n.length <= MAX_ALIAS_LENGTH && !names.has(n),
  );
  const all = [...new Set([...own, ...added])].slice(0, MAX_ALIASES);
  return all.length > own.length ? JSON.stringify(all) : undefined;
}

/**
 * A parent the survivor would take from the other record must not be the survivor, nor below it
 * or below the other (whose children become the survivor's): chosen, the merge is refused; only
 * filling an empty parent, it is left empty.
 */
function keepGroupAcyclic(tx: Tx, input: MergeInput, fields: Fields, chosen: boolean): void {
  const parent = fields.parent_investor_id;
  if (typeof parent !== 'string') return;
  try {
    refuseCycle(tx, input.keep, parent);
    refuseCycle(tx, input.other, parent);
  } catch (error) {
    if (chosen) throw error;
    delete fields.parent_investor_id;
  }
}

export function mergeRecords(tx: Tx, input: MergeInput): MergeResult {
  const { kind, keep, other } = input;
  if (keep === other) throw new AppError('MERGE_SAME');
  const keepRow = liveRow(tx, kind, keep);
  const otherRow = liveRow(tx, kind, other);
  const columns = Object.keys(syncedTables[kind].columns).filter((c) => !KEPT.has(c));
  const take = new Set(input.take ?? []);
  for (const col of take) {
    if (!columns.includes(col)) throw new AppError('MERGE_FIELD', col);
  }
  const fields: Fields = {};
  for (const col of columns) {
    const theirs = otherRow[col] ?? null;
    if (take.has(col) ? theirs !== keepRow[col] : isEmpty(keepRow[col]) && !isEmpty(theirs)) {
      fields[col] = theirs;
    }
  }
  if (kind === 'investor') keepGroupAcyclic(tx, input, fields, take.has('parent_investor_id'));
  if (kind === 'investor' && !take.has('aliases')) {
    const aliases = mergedAliases(keepRow, otherRow, fields);
    if (aliases !== undefined) fields.aliases = aliases;
  }
  const moved = naming(tx, kind, other);
  const changed = tx.mutate.update(kind, keep, fields);
  tx.mutate.update(kind, other, { merged_into: keep });
  return { kind, keep, other, fields: Object.keys(changed), moved };
}

/** Columns naming another record: the preview names it as well. */
const namedBy: Record<string, string> = {
  investor_id: 'SELECT name_zh FROM investor WHERE id = ?',
  parent_investor_id: 'SELECT name_zh FROM investor WHERE id = ?',
  project_id: 'SELECT name FROM project WHERE id = ?',
  owner_id: 'SELECT name FROM promoter WHERE id = ?',
};

/** The fields a merge of `other` into `keep` would take or let the user choose (record.mergePreview). */
export function mergePreview(tx: Tx, input: Omit<MergeInput, 'take'>): MergePreview {
  const { kind, keep, other } = input;
  if (keep === other) throw new AppError('MERGE_SAME');
  const keepRow = liveRow(tx, kind, keep);
  const otherRow = liveRow(tx, kind, other);
  const preview: MergePreview = { choices: [], filled: [] };
  for (const column of Object.keys(syncedTables[kind].columns)) {
    // An investor's aliases are the union of both, whatever is chosen.
    if (KEPT.has(column) || (kind === 'investor' && column === 'aliases')) continue;
    const field: MergeField = {
      column,
      keep: keepRow[column] ?? null,
      other: otherRow[column] ?? null,
    };
    if (isEmpty(field.other) || field.keep === field.other) continue;
    const name = namedBy[column];
    if (name) {
      const read = tx.sql.prepare(name).pluck();
      field.keepName = isEmpty(field.keep) ? null : ((read.get(field.keep) as string) ?? null);
      field.otherName = (read.get(field.other) as string) ?? null;
    }
    (isEmpty(field.keep) ? preview.filled : preview.choices).push(field);
  }
  return preview;
}

export function unmergeRecord(tx: Tx, id: string): UnmergeResult {
  for (const kind of mergeKinds) {
    const from = tx.sql
      .prepare(`SELECT merged_into FROM ${kind} WHERE id = ? AND merged_into IS NOT NULL`)
      .pluck()
      .get(id) as string | undefined;
    if (from === undefined) continue;
    const restored: Record<string, number> = {};
    for (const ref of mergeReferences) {
      if (ref.target !== kind) continue;
      const n = tx.sql
        .prepare('SELECT count(*) FROM merge_override WHERE tbl = ? AND col = ? AND raw = ?')
        .pluck()
        .get(ref.table, ref.column, id) as number;
      if (n > 0) restored[ref.table] = (restored[ref.table] ?? 0) + n;
    }
    tx.mutate.update(kind, id, { merged_into: null });
    return { kind, id, from, restored };
  }
  throw new AppError('NOT_MERGED', id);
}
