// Compaction (db/sync/compaction.ts, docs/sync.md S19) on real database files and real exported
// files: superseded changes every peer holds leave the log, the field history reads the same, a
// silent peer holds it back until excluded (a laptop a database was copied from holds its own
// changes), the same change coming back is skipped, exports that would need a dropped line refuse,
// and replicas still converge.
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { watchProgress } from '../../db/job-progress';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import type { CompactionReport } from '../../domain/compaction';
import type { JobProgress } from '../../domain/job-progress';
import type { HistoryEntry } from '../../domain/history';
import type { ProjectRecord } from '../../domain/project-input';
import { tempDir } from '../helpers';
import {
  TEST_INVITATION_PASSPHRASE,
  call,
  dump,
  exportTo,
  importInto,
  openReplica,
} from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string): Promise<Replica> {
  const r = await openReplica(office, { dir: tempDir(`zs-compact-${office}-`) });
  open.push(r);
  return r;
}

const dir = tempDir('zs-compact-files-');
async function send(from: Replica, to: Replica) {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  const file = (await exportTo(from, dir, { for: to.office })).file;
  return { file, report: await importInto(to, file) };
}

/** A file of everything 本部 holds, as if it had forgotten what 上海 holds. */
async function relayAll(from: Replica) {
  from.clock.ms += 60_000;
  return (await exportTo(from, dir, { full: true })).file;
}

const changes = (r: Replica) =>
  r.app.sql.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;

/**
 * The test zone's first 本部 laptop sent each one only its invitation's data: 91 days later, with
 * the real 本部 laptop heard from since, it is the silent laptop, named and then excluded, with
 * the zone's invitations that no laptop this one knows joined with (they count as holding nothing).
 */
async function silentIds(r: Replica, hq: Replica) {
  r.clock.ms += 91 * 86_400_000;
  hq.clock.ms += 91 * 86_400_000;
  await send(hq, r);
  const silent = call<CompactionReport>(r, 'sync.compact', { exclude: [] }).silent;
  const roster = r.app.sql.prepare('SELECT site_id FROM zone_site').pluck().all() as string[];
  expect(silent.filter((p) => roster.includes(p.siteId)).map((p) => p.office)).toEqual(['本部']);
  const grants = r.app.sql.prepare('SELECT grant_id FROM zone_grant').pluck().all() as string[];
  expect(silent.every((p) => roster.includes(p.siteId) || grants.includes(p.siteId))).toBe(true);
  // The 同步 screen names the same laptops before it compacts.
  expect(call(r, 'sync.silentPeers')).toEqual(silent);
  return silent.map((p) => p.siteId);
}

function fill(r: Replica, n: number) {
  for (let i = 0; i < n; i++)
    call(r, 'project.create', { name: `填充${i}`, investor: '填充投资方' });
}

async function edited() {
  const hq = await replica('本部');
  const sh = await replica('上海');
  // Whole blocks of 16 changes on either side of the edits: a block is compacted only when
  // every peer holds all of it (exports start at a block start).
  fill(sh, 20);
  const p = call<ProjectRecord>(sh, 'project.create', { name: '甲项目', investor: '甲投资方' });
  for (const name of ['乙项目', '丙项目', '丁项目']) {
    sh.clock.ms += 60_000;
    call(sh, 'project.update', { id: p.id, patch: { name } });
  }
  fill(sh, 20);
  await send(sh, hq);
  await send(hq, sh);
  await send(sh, hq);
  return { hq, sh, p };
}

test('superseded changes every peer holds leave the log; history and data stay', async () => {
  const { hq, sh, p } = await edited();
  // 上海's own edits: at 本部 they are among the last 10 imports, which an undo may still need.
  const history = call<HistoryEntry[]>(sh, 'project.history', { id: p.id });
  const before = changes(sh);

  // The zone's 本部 laptop, never heard from, lacks everything: nothing goes.
  const held = call<CompactionReport>(sh, 'sync.compact', {});
  expect(held.archived).toBe(0);
  expect(held.heldBackBy.map((x) => x.office)).toContain('本部');
  expect(held.message).toMatch(
    /^没有可以压缩的变更（变更日志 [\d,]+ 条）；.*本部.* 尚缺的变更保留未动$/,
  );

  const report = call<CompactionReport>(sh, 'sync.compact', { exclude: await silentIds(sh, hq) });
  expect(report.archived).toBe(2); // 乙 and 丙 names; the creation and 丁 stay
  // The 填充 projects' and investors' only changes settle: their rows hold their values.
  expect(report.settled).toBeGreaterThan(0);
  const after = before - 2 - report.settled;
  expect(report.changesAfter).toBe(after);
  expect(changes(sh)).toBe(after);
  expect(report.heldBackBy).toEqual([]);
  expect(report.message).toMatch(
    new RegExp(
      `^已压缩变更日志：2 条被取代的变更移出变更日志，${report.settled} 条各电脑均已收到的变更` +
        `改由数据行本身保存（${before} → ${after} 条），文件 [\\d.]+ MB → [\\d.]+ MB$`,
    ),
  );
  expect(call<HistoryEntry[]>(sh, 'project.history', { id: p.id })).toEqual(history);
  expect(dump(hq)).toEqual(dump(sh));

  // The same changes coming back (本部 relays them from an old block on) are skipped.
  const again = await importInto(sh, await relayAll(hq));
  expect(again.new).toBe(0);
  expect(changes(sh)).toBe(after);

  // Both go on editing; they still converge.
  sh.clock.ms += 60_000;
  call(sh, 'project.update', { id: p.id, patch: { name: '戊项目' } });
  call(hq, 'project.create', { name: '本部项目', investor: '乙投资方' });
  await send(sh, hq);
  await send(hq, sh);
  expect(dump(hq)).toEqual(dump(sh));
  expect(call<HistoryEntry[]>(hq, 'project.history', { id: p.id })).toEqual(
    call<HistoryEntry[]>(sh, 'project.history', { id: p.id }),
  );
});

test('what a peer lacks stays; an export that needs a dropped line refuses', async () => {
  const { hq, sh, p } = await edited();
  // 本部 has not seen these: 己, superseded by 庚, stays.
  fill(sh, 20);
  for (const name of ['己项目', '庚项目']) {
    sh.clock.ms += 60_000;
    call(sh, 'project.update', { id: p.id, patch: { name } });
  }
  fill(sh, 20);
  const report = call<CompactionReport>(sh, 'sync.compact', { exclude: await silentIds(sh, hq) });
  expect(report.heldBackBy.map((x) => x.office)).toEqual(['本部']);
  expect(report.archived).toBe(3); // 乙, 丙 and 丁, which 己 superseded here
  const names = sh.app.sql
    .prepare("SELECT fields ->> '$.name' FROM sync_change WHERE row_id = ? ORDER BY hlc")
    .pluck()
    .all(p.id);
  expect(names).toEqual(['甲项目', '己项目', '庚项目']);
  await send(sh, hq);
  expect(dump(hq)).toEqual(dump(sh));

  // A full export would start 上海's chain below its floor.
  await expect(exportTo(sh, dir, { full: true })).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
  // Excluding a peer that is not silent is refused.
  expect(() => call(sh, 'sync.compact', { exclude: [hq.app.siteId] })).toThrow(/久未来文件/);
});

test('the file shrinks: VACUUM after compaction, its phases reported on the way', async () => {
  const hq = await replica('本部');
  const sh = await replica('上海');
  const ids = Array.from(
    { length: 200 },
    (_, i) =>
      call<ProjectRecord>(sh, 'project.create', { name: `项目${i}`, investor: '投资方' }).id,
  );
  for (let round = 0; round < 5; round++) {
    sh.clock.ms += 60_000;
    for (const id of ids) {
      call(sh, 'project.update', {
        id,
        patch: { name: `项目${id.slice(-6)}-${round}`, problems: 'x'.repeat(400) },
      });
    }
  }
  await send(sh, hq);
  await send(hq, sh);
  await send(sh, hq);
  const exclude = await silentIds(sh, hq);
  const seen: (JobProgress | null)[] = [];
  watchProgress(sh.app, (progress) => seen.push(progress));
  const report = call<CompactionReport>(sh, 'sync.compact', { exclude });
  expect(report.archived).toBeGreaterThanOrEqual(200 * 3);
  expect(report.settled).toBeGreaterThan(0);
  // Each phase in order, the move counted to its end, then the job is over.
  const phases = seen.map((p) => p && `${p.job}：${p.phase}`);
  expect([...new Set(phases)]).toEqual([
    '压缩变更日志：开始',
    '压缩变更日志：找出可压缩的变更',
    '压缩变更日志：移出被取代的变更',
    `压缩变更日志：移出各电脑都已收到的变更 ${report.settled} 条`,
    '压缩变更日志：整理数据库文件',
    null,
  ]);
  const moved = seen.filter((p) => p?.phase === '移出被取代的变更');
  expect(moved.at(-1)).toMatchObject({ done: report.archived, total: report.archived });
  // A project's archived changes keep their values for the field history: the file shrinks by
  // what the live log's rows and index held beyond that.
  expect(report.bytesAfter).toBeLessThan(report.bytesBefore);
  expect(statSync(sh.app.file).size).toBe(report.bytesAfter);
});

test('a copied database: the laptop it came from holds its own changes, not what it was sent', async () => {
  const hq = await replica('本部');
  const sh = await replica('上海');
  fill(sh, 20);
  call(hq, 'project.create', { name: '本部项目', investor: '本部投资方' });
  await send(sh, hq);
  await send(hq, sh);
  const [original, file] = [sh.app.siteId, sh.app.file];
  sh.app.close();
  open.splice(open.indexOf(sh), 1);
  const copyFile = join(tempDir('zs-compact-copy-'), 'copy.sqlite');
  copyFileSync(file, copyFile);
  const copy = { ...sh, app: await openAppDatabase(copyFile, { wallMs: () => sh.clock.ms }) };
  open.push(copy);
  expect(copy.app.siteId).not.toBe(original);

  // The zone's first 本部 laptop, silent 91 days on, is excluded; the 上海 laptop the file was
  // copied from is silent too but not excluded: it holds back only what others wrote.
  copy.clock.ms += 91 * 86_400_000;
  const silent = call<CompactionReport>(copy, 'sync.compact', { exclude: [] }).silent;
  expect(silent.map((p) => p.siteId)).toContain(original);
  const hub = silent.filter((p) => p.siteId !== original).map((p) => p.siteId);
  const report = call<CompactionReport>(copy, 'sync.compact', { exclude: hub });
  const others = copy.app.sql
    .prepare('SELECT count(*) FROM sync_change WHERE origin <> ?')
    .pluck()
    .get(original) as number;
  expect(report.heldBackBy).toEqual([
    expect.objectContaining({ siteId: original, lacking: others }),
  ]);
  const settledOrigins = copy.app.sql
    .prepare(
      `SELECT DISTINCT o.origin FROM sync_settled s JOIN sync_archive_origin o ON o.n = s.origin_n`,
    )
    .pluck()
    .all();
  expect(settledOrigins).toEqual([original]);
  expect(report.settled).toBeGreaterThanOrEqual(16);
});

test('a laptop invited but not heard of yet holds compaction back, then is named', async () => {
  const hq = await replica('本部');
  const { file } = await makeInvitation(hq.app, {
    out: join(dir, 'shenzhen.zsinvite'),
    passphrase: TEST_INVITATION_PASSPHRASE,
    office: '深圳',
  });
  const clock = { ms: hq.clock.ms };
  const szApp = await openAppDatabase(join(tempDir('zs-compact-sz-'), 'crm.sqlite'), {
    wallMs: () => clock.ms,
  });
  const sz: Replica = { app: szApp, office: '深圳', clock };
  open.push(sz);
  await joinWithInvitation(sz.app, { file, passphrase: TEST_INVITATION_PASSPHRASE });
  call(sz, 'app.init', { user: '深圳用户', office: '深圳' });
  // After the invitation, 本部 renames a project again and again: each name supersedes the last.
  const p = call<ProjectRecord>(hq, 'project.create', { name: '甲项目', investor: '甲投资方' });
  for (let i = 0; i < 40; i++) {
    hq.clock.ms += 60_000;
    call(hq, 'project.update', { id: p.id, patch: { name: `改名${i}` } });
  }
  const notInvited = call<CompactionReport>(hq, 'sync.compact', { exclude: [] })
    .silent.filter((x) => x.office !== '深圳')
    .map((x) => x.siteId);
  const report = call<CompactionReport>(hq, 'sync.compact', { exclude: notInvited });
  expect(report.heldBackBy.map((x) => x.office)).toContain('深圳');
  expect(report.archived).toBe(0);
  const { report: received } = await send(hq, sz);
  expect(received.new).toBeGreaterThan(40);
  expect(call<ProjectRecord>(sz, 'project.get', { id: p.id }).name).toBe('改名39');

  // Silent past the set time since the invitation, it is named on the 同步 screen.
  hq.clock.ms += 91 * 86_400_000;
  const silent = call<{ office: string | null; siteId: string }[]>(hq, 'sync.silentPeers');
  expect(silent.map((x) => x.office)).toContain('深圳');
  // Excluded by its office's name, as the CLI's --exclude 深圳 does.
  const excluded = call<CompactionReport>(hq, 'sync.compact', { exclude: ['深圳'] }).excluded;
  const shenzhen = silent.filter((x) => x.office === '深圳').map((x) => x.siteId);
  expect(shenzhen).toHaveLength(1);
  expect(excluded).toEqual(expect.arrayContaining(shenzhen));
});
