// Undo of a sync-file import (db/sync/undo-import.ts, docs/sync.md S17), on real database files and
// real exported files: with nothing after it, every table returns to what it was; local edits made
// since stay; the same changes come back with a later file; an older import can be undone while a
// newer one stands, and the zone still converges.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import type { ImportUndoReport, SyncLogEntry } from '../../domain/sync';
import { checkpointFully, tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string): Promise<Replica> {
  const r = await openReplica(office, { dir: tempDir(`zs-undo-${office}-`) });
  open.push(r);
  return r;
}

const dir = tempDir('zs-undo-files-');
async function send(from: Replica, to: Replica) {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  return importInto(to, (await exportTo(from, dir, { for: to.office })).file);
}

/**
 * What an undo leaves as the import found it: every table but the ones that record facts learned
 * from the file, which stay true after an undo (why, per table, in docs/sync.md S17).
 */
const KEPT_AFTER_UNDO = new Set([
  'sync_import_log',
  'sync_peer',
  'sync_block',
  'sync_head',
  'sync_meta',
  'zone_site',
  'zone_grant',
  'zone_revocation',
  'zone_key',
  'zone_rekey',
]);

function everyTable(r: Replica): Record<string, string[]> {
  checkpointFully(r.app);
  const db = new Database(r.app.file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      if (KEPT_AFTER_UNDO.has(t) || t.startsWith('sqlite_')) continue;
      out[t] = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

const log = (r: Replica) => call<SyncLogEntry[]>(r, 'sync.log');
const undo = (r: Replica, id: number) => call<ImportUndoReport>(r, 'sync.undoImport', { id });
const project = (r: Replica, id: string) => call<ProjectRecord>(r, 'project.get', { id });

/** 上海 and 本部 with data on both sides, 本部 holding an earlier file of 上海's. */
async function twoOffices() {
  const sh = await replica('上海');
  const hq = await replica('本部');
  const shared = call<ProjectRecord>(sh, 'project.create', {
    name: '博世汽车电子',
    investor: '博世集团',
    totalInvestmentCny: 300_000_000,
  });
  const doomed = call<ProjectRecord>(sh, 'project.create', {
    name: '待删项目',
    investor: '某基金',
  });
  call<ProjectRecord>(hq, 'project.create', { name: '本部自有项目', investor: '本部投资方' });
  await send(sh, hq);
  // Both hold everything the other has, 本部's zone data included.
  await send(hq, sh);
  await send(sh, hq);
  return { sh, hq, shared, doomed };
}

/** A file from 上海 that creates, edits, deletes, merges and conflicts with 本部's own edit. */
async function busyFile(sh: Replica, hq: Replica, ids: { shared: string; doomed: string }) {
  call(sh, 'project.update', { id: ids.shared, patch: { name: '博世汽车电子（二期）' } });
  call(hq, 'project.update', { id: ids.shared, patch: { name: '博世汽车电子（本部改）' } });
  const created = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子医疗',
    investor: '西门子股份公司',
  });
  call(sh, 'arrival.create', {
    projectId: ids.shared,
    arrivedOn: '2021-06-01',
    amount: 5_000_000,
    currency: 'USD',
    kind: 'fdi',
    outsideCity: false,
  });
  call(sh, 'activity.create', { projectId: created.id, kind: 'visit', occurredOn: '2021-06-02' });
  call(sh, 'project.delete', { id: ids.doomed });
  const other = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子能源',
    investor: '西门子（中国）有限公司',
  });
  call(sh, 'record.merge', {
    kind: 'investor',
    keep: created.investorId,
    other: other.investorId,
  });
  sh.clock.ms += 60_000;
  hq.clock.ms += 60_000;
  return { created, file: (await exportTo(sh, dir, { for: '本部' })).file };
}

describe('undo of an import', () => {
  test('with nothing after it, every table is as before the import', async () => {
    const { sh, hq, shared, doomed } = await twoOffices();
    const { file } = await busyFile(sh, hq, { shared: shared.id, doomed: doomed.id });
    const before = everyTable(hq);
    const beforeDump = dump(hq);

    const report = await importInto(hq, file);
    expect(report.conflicts).toBeGreaterThan(0);
    expect(everyTable(hq)).not.toEqual(before);
    const [entry] = log(hq);
    expect(entry).toMatchObject({ undoable: true, undoneAt: null, new: report.new });

    const undone = undo(hq, entry!.id);
    expect(undone).toMatchObject({ changes: report.new });
    expect(undone.rowsRemoved).toBeGreaterThan(0);
    expect(undone.rowsRestored).toBeGreaterThan(0);
    expect(everyTable(hq)).toEqual(before);
    expect(dump(hq)).toEqual(beforeDump);
    expect(log(hq)[0]).toMatchObject({ undoable: false, undoneAt: expect.any(String) });
  });

  test('local edits made after it stay; the same file then brings its changes back', async () => {
    const { sh, hq, shared, doomed } = await twoOffices();
    const { created, file } = await busyFile(sh, hq, { shared: shared.id, doomed: doomed.id });
    await importInto(hq, file);
    // 本部 edits a project the import created and one it changed, after the import.
    hq.clock.ms += 60_000;
    call(hq, 'project.update', { id: created.id, patch: { name: '西门子医疗（本部跟进）' } });
    call(hq, 'project.update', { id: shared.id, patch: { country: 'DE' } });
    const withEdits = dump(hq);

    undo(hq, log(hq)[0]!.id);
    // The import's own values are gone: the deleted project is back, the merge undone.
    expect(dump(hq).project?.find((p) => p.id === doomed.id)).toMatchObject({ deleted: 0 });
    expect(project(hq, shared.id)).toMatchObject({
      name: '博世汽车电子（本部改）',
      country: 'DE',
    });
    // What 本部 wrote stays, even on the record the import had brought.
    expect(project(hq, created.id)).toMatchObject({ name: '西门子医疗（本部跟进）' });
    expect(project(hq, created.id).investorId).toBeNull();
    expect(call<{ id: string }[]>(hq, 'sync.conflicts')).toEqual([]);

    // The same file again brings every change back: the state with the edits, exactly.
    const again = await importInto(hq, file);
    expect(again.alreadyImported).toBe(false);
    expect(dump(hq)).toEqual(withEdits);
  });

  test('the sender sends the changes again, by the lowered vector in 本部 files', async () => {
    const { sh, hq, shared, doomed } = await twoOffices();
    const { file } = await busyFile(sh, hq, { shared: shared.id, doomed: doomed.id });
    await importInto(hq, file);
    const afterImport = dump(hq);
    undo(hq, log(hq)[0]!.id);
    await send(hq, sh);
    const resent = await send(sh, hq);
    expect(resent.new).toBeGreaterThan(0);
    expect(dump(hq)).toEqual(afterImport);
    await send(hq, sh);
    expect(dump(sh)).toEqual(dump(hq));
  });

  test('an older import undone while a newer one stands; a third office still converges', async () => {
    const { sh, hq, shared, doomed } = await twoOffices();
    const bj = await replica('北京');
    const { file } = await busyFile(sh, hq, { shared: shared.id, doomed: doomed.id });
    await importInto(hq, file);
    const first = log(hq)[0]!.id;
    call(sh, 'project.update', { id: shared.id, patch: { name: '博世汽车电子（三期）' } });
    await send(sh, hq);
    undo(hq, first);
    // The newer change still stands at 本部.
    expect(project(hq, shared.id).name).toBe('博世汽车电子（三期）');
    await send(hq, bj);
    await send(bj, hq);
    await send(sh, hq);
    await send(hq, bj);
    await send(hq, sh);
    expect(dump(bj)).toEqual(dump(hq));
    expect(dump(sh)).toEqual(dump(hq));
  });

  test('refusals name the reason and change nothing', async () => {
    const { sh, hq, shared, doomed } = await twoOffices();
    const { file } = await busyFile(sh, hq, { shared: shared.id, doomed: doomed.id });
    await importInto(hq, file);
    const id = log(hq)[0]!.id;
    const refused = (input: unknown) => {
      const before = everyTable(hq);
      const result = dispatchSync(hq.app, 'sync.undoImport', input);
      expect(everyTable(hq)).toEqual(before);
      return result;
    };
    expect(refused({ id: 999 })).toMatchObject({ ok: false, code: 'IMPORT_NOT_FOUND' });
    expect(refused({ id: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    undo(hq, id);
    expect(refused({ id })).toMatchObject({ ok: false, code: 'IMPORT_ALREADY_UNDONE' });
    // A file imported before brings nothing, so there is nothing to undo.
    await importInto(hq, file);
    const repeat = await importInto(hq, file);
    expect(repeat.alreadyImported).toBe(true);
  });

  test('only the newest 10 imports with new changes can be undone', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    for (let i = 0; i < 11; i++) {
      call(sh, 'project.create', { name: `第 ${i + 1} 个项目` });
      await send(sh, hq);
    }
    const entries = log(hq);
    expect(entries.filter((e) => e.undoable)).toHaveLength(10);
    const oldest = entries.at(-1)!;
    expect(oldest.undoable).toBe(false);
    expect(dispatchSync(hq.app, 'sync.undoImport', { id: oldest.id })).toMatchObject({
      ok: false,
      code: 'IMPORT_NOT_UNDOABLE',
      message: expect.stringContaining('最近 10 次'),
    });
  });
});
