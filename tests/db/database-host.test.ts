// The database host (db/host/): the database runs in worker threads, so the thread that answers
// the window is never blocked. A long sync import holds the writer while reads issued after it
// started (a 台账 query, the status line) are answered by the reader from the last commit, the main
// thread's event loop keeps ticking, and the progress poll reports a rising count during the
// write itself. A restore closes and reopens the reader; a thread that dies answers what it held
// with INTERNAL. Real files throughout: a zone of two laptops and a sync file of tens of thousands
// of changes.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { openDatabaseHost } from '../../db/host/database-host';
import type { DatabaseHost } from '../../db/host/database-host';
import { writeDemoRows } from '../../db/services/app';
import { exportFile } from '../../db/sync/export';
import { makeInvitation, joinWithInvitation } from '../../db/sync/invitation';
import type { ApiResult } from '../../domain/errors';
import type { JobProgress } from '../../domain/job-progress';
import type { SyncImportReport } from '../../domain/sync';
import { expectOk, tempDir } from '../helpers';

/** About 8 changes per demo project: some 40,000 changes. */
const PROJECTS = 5000;

interface Fixture {
  /** 本部's database, closed, before any import; copied for each test. */
  target: string;
  /** 上海's export of its demo projects, for 本部. */
  file: string;
  changes: number;
}

let fixture: Fixture;

beforeAll(async () => {
  const dir = tempDir('zs-host-');
  const target = await openAppDatabase(join(dir, 'target.sqlite'));
  expectOk(
    dispatchSync(target, 'app.init', { user: '本部', office: '本部', zoneName: '测试分区' }),
  );
  const invitation = await makeInvitation(target, {
    out: join(dir, 'invite.zsinvite'),
    passphrase: 'host-test-passphrase',
    withoutData: true,
  });
  const source = await openAppDatabase(join(dir, 'source.sqlite'));
  await joinWithInvitation(source, { file: invitation.file, passphrase: 'host-test-passphrase' });
  expectOk(dispatchSync(source, 'app.init', { user: '上海', office: '上海' }));
  writeDemoRows(source, { projects: PROJECTS, seed: 7 });
  const exported = await exportFile(source, { out: dir, full: true });
  source.close();
  target.close();
  fixture = { target: target.file, file: exported.file, changes: exported.changes };
}, 180_000);

const hosts: DatabaseHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** A host on a fresh copy of 本部's database (with its identity file, as the same install). */
async function openTarget(): Promise<DatabaseHost> {
  const file = join(tempDir('zs-host-target-'), 'crm.sqlite');
  copyFileSync(fixture.target, file);
  copyFileSync(`${fixture.target}.install-id`, `${file}.install-id`);
  const host = await openDatabaseHost(file);
  hosts.push(host);
  return host;
}

function ledgerCount(result: ApiResult<unknown>): number {
  return (expectOk(result) as { totals: { count: number } }).totals.count;
}

const isWriting = (p: JobProgress | null) => p !== null && p.phase.startsWith('写入');

describe('the database host', () => {
  it('answers reads, the progress poll and the event loop while a long import writes', async () => {
    const host = await openTarget();
    expect(host.threads.reader).not.toBeNull();
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(0);

    // The main thread's event loop: a tick every 5 ms, and the longest wait between two.
    let ticks = 0;
    let last = performance.now();
    let longestGapMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      ticks += 1;
    }, 5);

    let importedAt = 0;
    const importing = host.dispatch('sync.import', { file: fixture.file }).then((result) => {
      importedAt = performance.now();
      return result;
    });

    // Poll as the window does, until the writer is well into the write transaction.
    const seen: JobProgress[] = [];
    const poll = async () => {
      const progress = expectOk(await host.dispatch('job.progress', null)) as JobProgress | null;
      if (progress) seen.push(progress);
      return progress;
    };
    let progress = await poll();
    while (importedAt === 0 && !(isWriting(progress) && progress!.done > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await poll();
    }
    expect(importedAt, 'the import ended before its write phase was seen').toBe(0);
    const ticksAtWrite = ticks;
    longestGapMs = 0;

    // Reads issued now, while the writer's thread is inside the import's transaction.
    const readsIssued = performance.now();
    const reads = Promise.all([
      host.dispatch('ledger.query', { limit: 1 }).then((r) => ({ r, at: performance.now() })),
      host.dispatch('app.status', undefined).then((r) => ({ r, at: performance.now() })),
    ]);
    const [ledger, status] = await reads;
    // Answered from the last commit: none of the import's projects yet.
    expect(ledgerCount(ledger.r)).toBe(0);
    expect(expectOk(status.r)).toMatchObject({ initialized: true, office: '本部' });
    expect(importedAt, 'the reads waited for the import').toBe(0);
    expect(Math.max(ledger.at, status.at) - readsIssued).toBeLessThan(5_000);

    // The poll keeps reporting a rising count while the write goes on.
    while (importedAt === 0) {
      await poll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    clearInterval(ticker);
    const report = expectOk(await importing) as SyncImportReport;
    expect(report.new).toBe(fixture.changes);
    expect(fixture.changes).toBeGreaterThan(30_000);

    const written = seen.filter(isWriting).map((p) => p.done);
    expect(
      new Set(written).size,
      `counts seen while writing: ${written.join(' ')}`,
    ).toBeGreaterThan(2);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written.at(-1)).toBeLessThanOrEqual(fixture.changes);
    // The event loop ran all along: ticks came during the write, never far apart.
    expect(ticks - ticksAtWrite).toBeGreaterThan(5);
    expect(longestGapMs).toBeLessThan(1_000);

    expect(expectOk(await host.dispatch('job.progress', undefined))).toBeNull();
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(PROJECTS);
  }, 180_000);

  it('lets a read issued after a write see it, without waiting for the answer', async () => {
    const host = await openTarget();
    const created = host.dispatch('project.create', { name: '读写顺序项目' });
    const page = host.dispatch('ledger.query', { limit: 5, q: '读写顺序' });
    expect(ledgerCount(await page)).toBe(1);
    expect(expectOk(await created)).toMatchObject({ name: '读写顺序项目' });
  });

  it('closes and reopens the reader around a restore, which reads then see', async () => {
    const host = await openTarget();
    const reader = host.threads.reader;
    const backup = expectOk(await host.dispatch('backup.create', undefined)) as { file: string };
    expectOk(await host.dispatch('project.create', { name: '恢复前的项目' }));
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(1);
    let restored = false;
    const restoring = host
      .dispatch('backup.restore', { file: backup.file })
      .finally(() => (restored = true));
    // Reads all along the restore: each answered, from the file before or after it.
    const counts: number[] = [];
    while (!restored) counts.push(ledgerCount(await host.dispatch('ledger.query', { limit: 1 })));
    expectOk(await restoring);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(0);
    // The same reader thread, closed and reopened, not replaced by the writer.
    expect(host.threads.reader).toBe(reader);
  });

  it('answers INTERNAL for every call a dead writer held, and keeps answering', async () => {
    const host = await openTarget();
    const importing = host.dispatch('sync.import', { file: fixture.file });
    while ((expectOk(await host.dispatch('job.progress', null)) as JobProgress | null) === null) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const queued = host.dispatch('project.create', { name: '排队的项目' });
    await host.threads.writer.terminate();
    await expect(importing).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
    await expect(queued).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
    await expect(host.dispatch('project.create', { name: '之后的项目' })).resolves.toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
    // The reader still answers from the last commit, which the import never made.
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(0);
    await host.close();
  });

  it('sends reads to the writer once the reader has died', async () => {
    const host = await openTarget();
    await host.threads.reader!.terminate();
    expect(host.threads.reader).toBeNull();
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(0);
    expectOk(await host.dispatch('project.create', { name: '读线程之后' }));
    expect(ledgerCount(await host.dispatch('ledger.query', { limit: 1 }))).toBe(1);
  });

  it('closes cleanly: the last connection removes the WAL', async () => {
    const host = await openTarget();
    expectOk(await host.dispatch('project.create', { name: '关闭前' }));
    expect(existsSync(`${host.file}-wal`)).toBe(true);
    await host.close();
    expect(existsSync(`${host.file}-wal`)).toBe(false);
    await expect(host.dispatch('ledger.query', { limit: 1 })).resolves.toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
  });

  it('refuses to open what is not a database, saying why', async () => {
    const dir = tempDir('zs-host-bad-');
    await expect(openDatabaseHost(dir)).rejects.toThrow();
  });
});
