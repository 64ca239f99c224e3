// A small world for sync properties: replicas copied from initialised templates (fast to open), in
// offices of one or more laptops, each laptop with its own wall clock (skewed, and stepping back
// within the drift window), random edits of all 13 synced tables through the mutation layer as the
// services make them, and real files exchanged in a RAM folder. The checks read the union of every
// replica's change log.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { openAppDatabase } from '../../db/app-database';
import { USD_RATE_SETTING } from '../../db/derived';
import { dispatchSync } from '../../db/dispatcher';
import type { Fields } from '../../db/mutation';
import { listConflicts } from '../../db/sync/conflicts';
import { joinWithInvitation } from '../../db/sync/invitation';
import type { SyncedTable } from '../../db/synced-tables';
import { syncedTableNames, syncedTables } from '../../db/synced-tables';
import type { SyncDump } from '../../domain/sync';
import { targetId } from '../../domain/targets';
import { checkpointFully, expectOk, tempDir } from '../helpers';
import { dump, sharedTestZone, TEST_INVITATION_PASSPHRASE } from './replicas';
import type { Replica } from './replicas';
import { editableFields, isRef, settingIds, settingValues, tableValues } from './values';
import type { Spec, SpecFields } from './values';
import { keyInvestmentId } from '../../domain/key-investment';
import { notDuplicateId } from '../../domain/suspects';

const ramDir = () => tempDir('zs-prop-', existsSync('/dev/shm') ? '/dev/shm' : undefined);
export const BASE_MS = Date.UTC(2021, 5, 12, 7, 30);
/** Two laptops at 本部 and two at 上海 once a world has four replicas. */
export const OFFICE_POOL = ['本部', '上海', '本部', '上海', '北京'] as const;
/** A laptop's wall clock stays within these minutes of true time: at most 50 apart (drift < 1 h). */
export const SKEW_MIN = { min: -45, max: 5 } as const;

const templates = new Map<string, Promise<string>>();

/** An initialised database per office, made once per test file and copied for every replica. */
function template(office: string): Promise<string> {
  let file = templates.get(office);
  if (!file) {
    file = (async () => {
      const path = join(ramDir(), 'template.sqlite');
      const app = await openAppDatabase(path, { wallMs: () => BASE_MS });
      // Every replica joins the test zone; a copy certifies its new site id with the same grant.
      const zone = await sharedTestZone();
      await joinWithInvitation(app, {
        file: office === '本部' ? zone.hq : zone.office,
        passphrase: TEST_INVITATION_PASSPHRASE,
      });
      expectOk(dispatchSync(app, 'app.init', { user: `${office}用户`, office }));
      checkpointFully(app);
      app.close();
      return path;
    })();
    templates.set(office, file);
  }
  return file;
}

export interface World {
  replicas: Replica[];
  dir: string;
  /** True time; each laptop's wall clock is this plus its skew. */
  advance(ms: number): void;
  /** Sets a laptop's skew in minutes (moving its wall clock back or forward). */
  setSkew(i: number, minutes: number): void;
  close(): void;
}

export async function world(
  skewsMin: number[],
  offices: readonly string[] = OFFICE_POOL,
): Promise<World> {
  const dir = ramDir();
  const replicas: Replica[] = [];
  let now = BASE_MS;
  const skews = skewsMin.map((m) => m * 60_000);
  for (const [i, skew] of skews.entries()) {
    const office = offices[i % offices.length]!;
    const file = join(dir, `r${i}.sqlite`);
    copyFileSync(await template(office), file);
    const clock = { ms: now + skew };
    // A copied file has no identity file beside it, so it takes a fresh site id (S2).
    const app = await openAppDatabase(file, { wallMs: () => clock.ms });
    replicas.push({ app, office, clock });
  }
  const sync = () => replicas.forEach((r, i) => (r.clock.ms = now + skews[i]!));
  return {
    replicas,
    dir,
    advance(ms) {
      now += ms;
      sync();
    },
    setSkew(i, minutes) {
      skews[i] = minutes * 60_000;
      sync();
    },
    close() {
      replicas.forEach((r) => r.app.close());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `target` picks a row among those the edit applies to, unless `id` names it. */
export type Edit =
  | { op: 'create'; table: SyncedTable; values: SpecFields }
  | { op: 'set'; table: SyncedTable; target: number; id?: string; values: SpecFields }
  | { op: 'delete' | 'undelete'; table: SyncedTable; target: number; id?: string };

/** Table weights: the ledger's tables are edited most. */
const TABLE_WEIGHTS: Record<SyncedTable, number> = {
  office: 1,
  promoter: 2,
  investor: 4,
  contact: 3,
  project: 6,
  capital_arrival: 3,
  key_investment: 2,
  activity: 3,
  task: 3,
  target: 2,
  target_actual: 3,
  setting: 2,
  capture: 2,
  dictionary_item: 2,
  not_duplicate: 1,
  claim: 1,
  claim_decision: 1,
};

/** A project's amount and currency are written together, as the form does. */
function withCurrency(table: SyncedTable, values: SpecFields, all: SpecFields): SpecFields {
  if (table !== 'project' || !('total_investment' in values)) return values;
  const currency = values.total_investment === null ? null : all.investment_currency!;
  return { ...values, investment_currency: currency };
}

export function createArb(table: SyncedTable): fc.Arbitrary<Edit> {
  if (table === 'setting') {
    return fc
      .constantFrom(...settingIds)
      .chain((id) => settingValues[id].map((value) => ({ id, value })))
      .map(({ id, value }): Edit => ({ op: 'create', table, values: { id, value } }));
  }
  return fc
    .record(tableValues[table].fields)
    .map((all): Edit => ({ op: 'create', table, values: withCurrency(table, all, all) }));
}

export function setArb(table: SyncedTable): fc.Arbitrary<Edit> {
  if (table === 'setting') return createArb(table);
  return fc
    .tuple(
      fc.subarray(editableFields(table), {
        minLength: 1,
        maxLength: Math.min(3, editableFields(table).length),
      }),
      fc.record(tableValues[table].fields),
      fc.nat(20),
    )
    .map(([cols, all, target]): Edit => {
      const values = Object.fromEntries(cols.map((c) => [c, all[c]!]));
      return { op: 'set', table, target, values: withCurrency(table, values, all) };
    });
}

export function tableEditArb(table: SyncedTable): fc.Arbitrary<Edit> {
  const pick = (op: 'delete' | 'undelete') =>
    fc.nat(20).map((target): Edit => ({ op, table, target }));
  return fc.oneof(
    // Offices are the vocabulary's, seeded at first run: renamed, reordered, never created.
    ...(table === 'office' ? [] : [{ weight: 3, arbitrary: createArb(table) }]),
    // A pair judged not the same (not_duplicate) has nothing to edit but its deleted flag.
    ...(editableFields(table).length === 0 ? [] : [{ weight: 4, arbitrary: setArb(table) }]),
    { weight: 2, arbitrary: pick('delete') },
    { weight: 2, arbitrary: pick('undelete') },
  );
}

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  ...syncedTableNames.map((t) => ({ weight: TABLE_WEIGHTS[t], arbitrary: tableEditArb(t) })),
);

/** What an edit did on the replica: nothing when it found no row to edit or no parent to name. */
export interface Applied {
  table: SyncedTable;
  op: Edit['op'];
  id: string | null;
}

type Tx = Parameters<Parameters<Replica['app']['transact']>[0]>[0];

/** Row ids of a table, newest first (insertion order on this replica). */
function idsOf(tx: Tx, table: SyncedTable, deleted?: 0 | 1): string[] {
  const where = deleted === undefined ? '' : ` WHERE deleted = ${deleted}`;
  // Not through tx.sql's cache: pluck() would change the statement for every other caller.
  return tx.sql.sqlite
    .prepare(`SELECT id FROM ${table}${where} ORDER BY rowid DESC`)
    .pluck()
    .all() as string[];
}

/** Resolves picks to live rows; undefined if a required parent is missing. */
function resolve(tx: Tx, table: SyncedTable, values: SpecFields): Fields | undefined {
  const out: Fields = {};
  for (const [col, spec] of Object.entries(values) as [string, Spec][]) {
    if (!isRef(spec)) {
      out[col] = spec;
      continue;
    }
    const ids = idsOf(tx, spec.ref, 0);
    const id = ids.length ? ids[spec.pick % ids.length]! : null;
    if (id === null && tableValues[table].required.includes(col)) return undefined;
    out[col] = id;
  }
  return out;
}

/** The id a create writes: made from the row's naming fields for the tables that have them. */
function idFor(table: SyncedTable, fields: Fields): string | undefined {
  switch (table) {
    case 'target':
      return targetId(Number(fields.year), String(fields.scope), String(fields.metric_key));
    case 'target_actual':
      return `${String(fields.target_id)}:m${String(fields.month)}`;
    case 'dictionary_item':
      return `${String(fields.kind)}:${String(fields.label)}`;
    case 'key_investment':
      return keyInvestmentId(String(fields.project_id), Number(fields.year));
    case 'not_duplicate':
      return notDuplicateId('investor', String(fields.a_id), String(fields.b_id));
    default:
      return undefined;
  }
}

/** 本部's data (issue 14, point 3): only a 本部 laptop writes these tables. */
export const HQ_TABLES: ReadonlySet<SyncedTable> = new Set<SyncedTable>([
  'target',
  'target_actual',
  'setting',
  'dictionary_item',
  'claim_decision',
]);

/**
 * Applies an edit the way the services would: edits and deletes only rows this replica has that are
 * not deleted, undeletes only deleted ones, children name parents it has, and only 本部 writes
 * 本部's data; rows named by their fields (targets, monthly actuals, dictionary items, settings)
 * are written with put.
 */
export function applyEdit(r: Replica, e: Edit): Applied {
  const done = (id: string | null): Applied => ({ table: e.table, op: e.op, id });
  if (HQ_TABLES.has(e.table) && r.office !== '本部') return done(null);
  return r.app.transact((tx) => {
    if (e.op === 'create') {
      if (e.table === 'setting') {
        const { id, value } = e.values as { id: string; value: string };
        // As settings.update does: a value typed brings back a setting deleted elsewhere.
        tx.mutate.put('setting', id, { value, deleted: 0 });
        afterSettingWrite(tx, id);
        return done(id);
      }
      const fields = resolve(tx, e.table, e.values);
      if (!fields) return done(null);
      const named = idFor(e.table, fields);
      if (named === undefined) return done(tx.mutate.insert(e.table, fields));
      // As the target, actual and dictionary services do: writing a named row brings it back.
      tx.mutate.put(e.table, named, { ...fields, deleted: 0 });
      return done(named);
    }
    let table = e.table;
    let ids = e.id !== undefined ? [e.id] : idsOf(tx, table, e.op === 'undelete' ? 1 : 0);
    // Deleted rows are few: an undelete finding none in its table takes one of another table.
    if (ids.length === 0 && e.op === 'undelete' && e.id === undefined) {
      const writable = syncedTableNames.filter((t) => r.office === '本部' || !HQ_TABLES.has(t));
      table = writable.find((t) => idsOf(tx, t, 1).length > 0) ?? table;
      ids = idsOf(tx, table, 1);
    }
    if (ids.length === 0) return done(null);
    const id = ids[e.target % ids.length]!;
    const fields: Fields | undefined =
      e.op === 'set' ? resolve(tx, table, e.values) : { deleted: e.op === 'delete' ? 1 : 0 };
    if (!fields) return done(null);
    tx.mutate.update(table, id, fields);
    if (table === 'setting') afterSettingWrite(tx, id);
    return { table, op: e.op, id };
  });
}

/** As settings.update does: a new rate re-tiers the projects entered in US dollars. */
function afterSettingWrite(tx: Tx, id: string): void {
  if (id !== USD_RATE_SETTING) return;
  const usd = tx.sql.prepare("SELECT id FROM project WHERE investment_currency = 'USD'").all() as {
    id: string;
  }[];
  for (const { id: project } of usd) tx.mutate.refreshProject(project);
}

interface LogRow {
  origin: string;
  seq: number;
  hlc: string;
  tbl: string;
  row_id: string;
  fields: string;
}

export function changeLog(r: Replica): LogRow[] {
  return r.app.sqlite
    .prepare('SELECT origin, seq, hlc, tbl, row_id, fields FROM sync_change ORDER BY origin, seq')
    .all() as LogRow[];
}

/** Per row and field, the value of its greatest-hlc change in `log` (S5). */
export function expectedFields(log: LogRow[]): Map<string, Record<string, unknown>> {
  const best = new Map<string, Record<string, { hlc: string; value: unknown }>>();
  for (const c of log) {
    const key = `${c.tbl}/${c.row_id}`;
    const row = best.get(key) ?? {};
    for (const [col, value] of Object.entries(JSON.parse(c.fields) as Record<string, unknown>)) {
      if (!row[col] || row[col]!.hlc < c.hlc) row[col] = { hlc: c.hlc, value };
    }
    best.set(key, row);
  }
  return new Map(
    [...best].map(([k, row]) => [
      k,
      Object.fromEntries(Object.entries(row).map(([c, v]) => [c, v.value])),
    ]),
  );
}

/** Deletes and undeletes in a log, by table: changes that set `deleted` on a row created before. */
export function deletesByTable(
  log: LogRow[],
): Record<string, { deletes: number; undeletes: number }> {
  const counts: Record<string, { deletes: number; undeletes: number }> = {};
  for (const c of log) {
    const fields = JSON.parse(c.fields) as Record<string, unknown>;
    if (!Object.hasOwn(fields, 'deleted')) continue;
    const entry = (counts[c.tbl] ??= { deletes: 0, undeletes: 0 });
    if (fields.deleted === 1) entry.deletes += 1;
    else if (Object.keys(fields).length === 1) entry.undeletes += 1;
  }
  return counts;
}

/** The project's derived columns that replicas must agree on: all but its local write time. */
const AGREED_DERIVED = syncedTables.project.derived.filter((c) => c !== 'updated_at');

/** `dump` with each project's derived columns (region, tier, total_cny, names, …) as well. */
export function dumpWithDerived(r: Replica): SyncDump {
  const synced = dump(r);
  const derived = r.app.sqlite
    .prepare(`SELECT ${AGREED_DERIVED.join(', ')} FROM project ORDER BY id`)
    .all() as SyncDump[string];
  return { ...synced, project: synced.project!.map((row, i) => ({ ...row, ...derived[i] })) };
}

export function openConflictIds(r: Replica): string[] {
  return r.app.transact((tx) => listConflicts(tx).map((c) => c.id), { write: false });
}
