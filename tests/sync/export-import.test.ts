// Export and import between real database files: a project travels, repeats change nothing,
// relays carry other offices' changes, the clock moves past imported changes, the import log and
// backup are kept, and each peer gets only what it has not acknowledged.
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { dispatch } from '../../db/dispatcher';
import { readMeta } from '../../db/replica-identity';
import { parseHlc } from '../../db/sync/hlc';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { encodeChange } from '../../db/sync/change-codec';
import { exportFile } from '../../db/sync/export';
import { decodeFile, readManifest } from '../../db/sync/file-format';
import { trustOf } from '../../db/sync/import';
import { forgeFile } from './forge';
import { BLOCK } from '../../db/sync/chain';
import type {
  SyncConflict,
  SyncImportReport,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
} from '../../domain/sync';
import { checkpointFully, tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});
async function replica(office: string, startMs?: number) {
  const r = await openReplica(office, { startMs });
  open.push(r);
  return r;
}

describe('export and import', () => {
  test('a laptop restored from a backup stays one peer, not a second 上海 lacking changes', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const files = tempDir();
    call(sh, 'project.create', { name: '备份前项目' });
    checkpointFully(sh.app);
    const backup = join(tempDir(), 'backup.sqlite');
    copyFileSync(sh.app.file, backup);
    call(sh, 'project.create', { name: '备份后项目' });
    await importInto(hq, (await exportTo(sh, files, { for: '本部' })).file);
    const before = sh.app.siteId;
    open.splice(open.indexOf(sh), 1);
    sh.app.close();

    copyFileSync(backup, sh.app.file); // the user restores yesterday's copy
    const app = await openAppDatabase(sh.app.file, { wallMs: () => sh.clock.ms });
    const restored = { ...sh, app };
    open.push(restored);
    expect(app.siteId).not.toBe(before); // S2: its seqs are not reused
    call(restored, 'project.create', { name: '恢复后项目' });
    const file = (await exportTo(restored, files, { for: '本部' })).file;
    expect(readManifest(readFileSync(file)).manifest.replaces).toEqual([before]);
    await importInto(hq, file);
    const shanghai = call<SyncPeer[]>(hq, 'sync.peers').filter((p) => p.office === '上海');
    expect(shanghai.map((p) => p.siteId)).toEqual([app.siteId]);
    // What the restored copy lost, 本部 still has: its next file for 上海 brings it back.
    expect(shanghai[0]!.lacking).toBeGreaterThan(0);
    await importInto(restored, (await exportTo(hq, files, { for: '上海' })).file);
    const names = call<{ rows: { name: string }[] }>(restored, 'ledger.query', {}).rows;
    expect(names.map((r) => r.name).sort()).toEqual(['备份前项目', '备份后项目', '恢复后项目']);
  });

  test('the report counts projects, investors and follow-ups added, changed and removed', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const dir = tempDir();
    const kept = call<{ id: string }>(sh, 'project.create', {
      name: '轴承项目',
      investor: '舍弗勒',
    });
    const gone = call<{ id: string }>(sh, 'project.create', {
      name: '短命项目',
      investor: '舍弗勒',
    });
    call(sh, 'task.create', { projectId: kept.id, title: '回访', dueOn: '2026-12-20' });
    const first = await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    // First, in this order, what the promoter made; then what the 上海 laptop's set-up wrote.
    expect(first.records!.slice(0, 3)).toEqual([
      { group: '项目', added: 2, changed: 0, removed: 0 },
      { group: '投资方', added: 1, changed: 0, removed: 0 },
      { group: '跟进', added: 1, changed: 0, removed: 0 },
    ]);
    expect(first.message).toMatch(
      /^项目 新增 2 个；投资方 新增 1 个；跟进 新增 1 条；.*（新增 \d+ 条变更/,
    );

    call(sh, 'project.update', { id: kept.id, patch: { name: '轴承二期项目' } });
    call(sh, 'project.delete', { id: gone.id });
    call(sh, 'activity.create', { projectId: kept.id, kind: 'visit', occurredOn: '2026-12-03' });
    const second = await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(second.records).toEqual([
      { group: '项目', added: 0, changed: 1, removed: 1 },
      { group: '跟进', added: 1, changed: 0, removed: 0 },
    ]);
    expect(second.message).toMatch(/^项目 更新 1 个、删除 1 个；跟进 新增 1 条（/);
  });

  test('a project created in 上海 appears in 本部 with its derived columns; a repeat says 0 new', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const created = call<{ id: string }>(sh, 'project.create', {
      name: '博世新能源',
      investor: '博世',
      country: 'DE',
      totalInvestmentCny: 1_000_000_000,
      office: '上海',
      owner: '上海用户',
    });
    const dir = tempDir();
    const out = await exportTo(sh, dir, { for: '本部' });
    expect(basename(out.file)).toMatch(/^上海-to-本部-\d{8}-\d{4}\.zsync$/);
    const report = await importInto(hq, out.file);
    expect(report).toMatchObject({ alreadyImported: false, skipped: 0, conflicts: 0, orphans: 0 });
    expect(report.new).toBe(out.changes);
    const project = call<{ name: string; region: string; tier: string }>(hq, 'project.get', {
      id: created.id,
    });
    expect(project).toMatchObject({ name: '博世新能源', region: 'de_jp', tier: 't10_50' });
    const again = await importInto(hq, out.file);
    expect(again).toMatchObject({
      alreadyImported: true,
      new: 0,
      message: '该文件已导入过，0 条新变更',
    });
    expect(dump(hq).project).toEqual(dump(sh).project);
  });

  test('a payload gzipped in pieces (many gzip members, encrypted or not) imports as one', async () => {
    const sh = await replica('上海');
    for (let i = 0; i < 40; i++) {
      call(sh, 'project.create', {
        name: `分段压缩测试项目 ${i} ${'长名称'.repeat(i % 7)}`,
        investor: `投资方 ${i % 9}`,
        country: 'DE',
        totalInvestmentCny: 100_000_000 * (i + 1),
        office: '上海',
        owner: '上海用户',
      });
    }
    const whole = await exportFile(sh.app, { out: tempDir(), full: true });
    // Pieces of 2 KB: each holds a few lines and becomes its own gzip member.
    const pieces = await exportFile(
      sh.app,
      { out: tempDir(), full: true, passphrase: '分段口令' },
      { pieceBytes: 2048 },
    );
    const plainPieces = await exportFile(
      sh.app,
      { out: tempDir(), full: true },
      { pieceBytes: 2048 },
    );
    const payloadOf = async (file: string, passphrase?: string) =>
      decodeFile(readFileSync(file), {
        trust: trustOf(sh.app),
        passphrase,
        schemaVersion: SCHEMA_VERSION,
      });
    const one = await payloadOf(whole.file);
    const many = await payloadOf(plainPieces.file);
    expect(many.manifest.payload.rawBytes).toBe(one.manifest.payload.rawBytes);
    // More members compress worse: the payloads differ, yet hold the same lines.
    expect(many.manifest.payload.bytes).toBeGreaterThan(one.manifest.payload.bytes);
    expect(many.changes.map(encodeChange)).toEqual(one.changes.map(encodeChange));
    expect(pieces.changes).toBe(whole.changes);

    const hq = await replica('本部');
    const report = await importInto(hq, pieces.file, { passphrase: '分段口令' });
    expect(report.new).toBe(whole.changes);
    expect(dump(hq).project).toEqual(dump(sh).project);
    expect(dump(hq).investor).toEqual(dump(sh).investor);
  });

  test('relay: 北京 gets 上海 changes through 本部; exports for a peer hold only what it lacks', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const bj = await replica('北京');
    const dir = tempDir();
    call(sh, 'project.create', { name: '上海项目' });
    await importInto(hq, (await exportTo(sh, dir, { full: true })).file);
    await importInto(bj, (await exportTo(hq, dir, { for: '北京' })).file);
    expect(dump(bj).project).toEqual(dump(hq).project);
    // 北京 answers; 本部 now knows what 北京 holds and sends only the new change next time.
    await importInto(hq, (await exportTo(bj, dir, { for: '本部' })).file);
    const peers = call<SyncPeer[]>(hq, 'sync.peers');
    expect(peers.find((p) => p.office === '北京')).toMatchObject({ lacking: 0 });
    call(hq, 'project.create', { name: '本部项目' });
    expect(call<SyncPeer[]>(hq, 'sync.peers').find((p) => p.office === '北京')?.lacking).toBe(1);
    const next = await exportTo(hq, dir, { for: '北京' });
    // From the start of the chain block that holds it: 北京 skips the ones it has.
    expect(next.changes).toBeLessThanOrEqual(BLOCK);
    expect((await importInto(bj, next.file)).new).toBe(1);
    expect(dump(bj)).toEqual(dump(hq));
    expect(dump(sh).project).not.toEqual(dump(hq).project);
  });

  test('the local clock moves past imported changes, even from a clock far ahead (within an hour)', async () => {
    const sh = await replica('上海', Date.UTC(2021, 5, 12, 8, 0));
    const hq = await replica('本部', Date.UTC(2021, 5, 12, 7, 30));
    sh.clock.ms = hq.clock.ms + 50 * 60_000;
    call(sh, 'project.create', { name: '快钟项目' });
    const report = await importInto(hq, (await exportTo(sh, tempDir(), { full: true })).file);
    expect(report.warnings.join()).toMatch(/上海 的修改比本机时钟快 50 分钟/);
    const { id } = call<{ id: string }>(hq, 'project.create', { name: '本部项目' });
    const mine = hq.app.sqlite
      .prepare("SELECT hlc FROM sync_change WHERE row_id = ? AND tbl = 'project'")
      .get(id) as { hlc: string };
    const theirs = sh.app.sqlite.prepare('SELECT max(hlc) AS h FROM sync_change').get() as {
      h: string;
    };
    expect(mine.hlc > theirs.h).toBe(true);
    expect(parseHlc(readMeta(hq.app.sqlite, 'hlc_last')!).ms).toBeGreaterThanOrEqual(
      parseHlc(theirs.h).ms,
    );
  });

  test('over an hour ahead rejects the file with CLOCK_DRIFT, naming the office', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    sh.clock.ms = hq.clock.ms + 3 * 3_600_000;
    call(sh, 'project.create', { name: '未来项目' });
    const file = (await exportTo(sh, tempDir(), { full: true })).file;
    const before = dump(hq);
    await expect(importInto(hq, file)).rejects.toMatchObject({ code: 'CLOCK_DRIFT' });
    await expect(importInto(hq, file)).rejects.toThrow(/上海 的修改比本机时钟快 3 小时/);
    expect(dump(hq)).toEqual(before);
  });

  test('through the API: import log with an undo record, site and conflicts', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const { id } = call<{ id: string }>(sh, 'project.create', { name: '共同项目' });
    const dir = tempDir();
    const first = await dispatch(sh.app, 'sync.export', { out: dir, full: true });
    expect(first.ok).toBe(true);
    const file = (first as { data: { file: string } }).data.file;
    const imported = await dispatch(hq.app, 'sync.import', { file });
    expect(imported).toMatchObject({ ok: true, data: { alreadyImported: false } });
    // No copy of the database: the undo record instead, a few bytes per run of changes.
    const report = (imported as { data: SyncImportReport }).data;
    expect(report.backup).toBeUndefined();
    expect(report.safetyNetBytes).toBeGreaterThan(0);
    expect(report.safetyNetBytes).toBeLessThan(statSync(file).size);
    expect(Object.keys(report.phasesMs ?? {})).toEqual(
      expect.arrayContaining(['read', 'check', 'write']),
    );
    expect(existsSync(join(hq.app.file, '..', 'backups'))).toBe(false);
    expect(call<SyncLogEntry[]>(hq, 'sync.log')).toMatchObject([
      { undoable: true, undoneAt: null },
    ]);
    expect(call<SyncSite>(hq, 'sync.site')).toMatchObject({ office: '本部', clockWarning: null });

    // Both edit the same field from the same value: a conflict, found on both sides.
    call(sh, 'project.update', { id, patch: { name: '上海改名' } });
    call(hq, 'project.update', { id, patch: { name: '本部改名' } });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    const atHq = call<SyncConflict[]>(hq, 'sync.conflicts');
    const atSh = call<SyncConflict[]>(sh, 'sync.conflicts');
    expect(atHq).toHaveLength(1);
    expect(atHq.map((c) => c.id)).toEqual(atSh.map((c) => c.id));
    expect(atHq[0]).toMatchObject({
      kind: 'concurrent',
      column: 'name',
      rowLabel: expect.any(String),
    });
    expect(new Set([atHq[0]!.a.value, atHq[0]!.b.value])).toEqual(
      new Set(['上海改名', '本部改名']),
    );
    expect(dump(hq)).toEqual(dump(sh));
    const choice = atHq[0]!.a.value === '上海改名' ? 'a' : 'b';
    const resolved = call<SyncConflict>(hq, 'sync.resolve', { id: atHq[0]!.id, choose: choice });
    expect(resolved).toMatchObject({ resolved: true, current: '上海改名' });
    expect(call<SyncConflict[]>(hq, 'sync.conflicts')).toHaveLength(0);
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    expect(call<SyncConflict[]>(sh, 'sync.conflicts')).toHaveLength(0);
    expect(dump(sh)).toEqual(dump(hq));
    expect(call<{ name: string }>(sh, 'project.get', { id }).name).toBe('上海改名');
  });

  test('an edit after an unseen delete is merged and flagged; restoring it syncs', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const dir = tempDir();
    const { id } = call<{ id: string }>(sh, 'project.create', { name: '待删项目' });
    await importInto(hq, (await exportTo(sh, dir, { full: true })).file);
    call(hq, 'project.delete', { id });
    sh.clock.ms += 1000;
    call(sh, 'project.update', { id, patch: { problems: '土地指标待落实' } });
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(dump(sh)).toEqual(dump(hq));
    const row = dump(hq).project!.find((p) => p.id === id)!;
    expect(row).toMatchObject({ deleted: 1, problems: '土地指标待落实' });
    const [conflict] = call<SyncConflict[]>(sh, 'sync.conflicts');
    expect(conflict).toMatchObject({
      kind: 'edit_after_delete',
      editedFields: { problems: '土地指标待落实' },
    });
    expect(call<SyncConflict[]>(hq, 'sync.conflicts').map((c) => c.id)).toEqual([conflict!.id]);
    call(sh, 'sync.resolve', { id: conflict!.id, choose: 'b' });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(call<{ problems: string }>(hq, 'project.get', { id }).problems).toBe('土地指标待落实');
    expect(call<SyncConflict[]>(hq, 'sync.conflicts')).toHaveLength(0);
  });

  test('the same (origin, seq) with other content fails the whole import: ORIGIN_SEQ_REUSE', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    call(sh, 'project.create', { name: '原名' });
    const dir = tempDir();
    const original = await exportTo(sh, dir, { full: true });
    await importInto(hq, original.file);
    const { changes } = await decodeFile(readFileSync(original.file), {
      trust: trustOf(sh.app),
      schemaVersion: SCHEMA_VERSION,
    });
    const forged = changes.map((c) =>
      c.tbl === 'project' ? { ...c, fields: { ...c.fields, name: '另一个名字' } } : c,
    );
    const { bytes } = await forgeFile(sh.app, forged);
    const file = join(dir, 'forged.zsync');
    writeFileSync(file, bytes);
    const before = dump(hq);
    await expect(importInto(hq, file)).rejects.toMatchObject({ code: 'ORIGIN_SEQ_REUSE' });
    expect(dump(hq)).toEqual(before);
  });

  test('a child that arrives before its parent is counted as an orphan and attaches later', async () => {
    const sh = await replica('上海');
    const hq = await replica('本部');
    const dir = tempDir();
    const { id } = call<{ id: string }>(sh, 'project.create', { name: '父项目' });
    // Files start at a block of the origin's chain: edits of other rows fill the project's block,
    // so that a file from the activity's block on holds no project.
    for (let i = 0; i < BLOCK; i++) call(sh, 'project.create', { name: `其他项目 ${i}` });
    const all = await exportTo(sh, dir, { full: true });
    call(sh, 'activity.create', {
      projectId: id,
      kind: 'visit',
      occurredOn: '2021-05-01',
      notes: '拜访',
    });
    // Only the activity: export for a peer that already holds everything up to the project.
    const seqBefore =
      (
        sh.app.sqlite
          .prepare('SELECT max(seq) AS s FROM sync_change WHERE origin = ?')
          .get(sh.app.siteId) as { s: number }
      ).s - 1;
    sh.app.sqlite
      .prepare('INSERT INTO sync_peer (site_id, office, acked) VALUES (?, ?, ?)')
      .run(
        hq.app.siteId,
        '本部',
        JSON.stringify({ ...call<SyncSite>(sh, 'sync.site').vector, [sh.app.siteId]: seqBefore }),
      );
    // For that laptop: an export for the office would also cover the zone's other 本部 laptops.
    const childOnly = await exportTo(sh, dir, { for: hq.app.siteId });
    expect(childOnly.changes).toBeLessThanOrEqual(BLOCK);
    const report = await importInto(hq, childOnly.file);
    expect(report.orphans).toBe(1);
    await importInto(hq, all.file);
    expect(call<unknown[]>(hq, 'activity.list', { projectId: id })).toHaveLength(1);
    expect(dump(hq).activity).toEqual(dump(sh).activity);
    expect(dump(hq).project).toEqual(dump(sh).project);
  });
});
