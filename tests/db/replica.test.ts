import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { ZoneStatus } from '../../domain/sync';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { checkpointFully, expectOk, tempDir } from '../helpers';

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));
async function open(file: string) {
  const app = await openAppDatabase(file);
  opened.push(app);
  return app;
}

const log = (app: AppDatabase) =>
  app.sqlite.prepare('SELECT origin, seq, hlc FROM sync_change ORDER BY origin, seq').all() as {
    origin: string;
    seq: number;
    hlc: string;
  }[];

describe('replica identity and clocks across processes (docs/sync.md S2, S4)', () => {
  test('two connections on one file (app and CLI) keep one dense sequence and rising clocks', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const a = await open(file);
    expectOk(dispatchSync(a, 'app.init', { user: '张三', office: '上海' }));
    const b = await open(file);
    for (let i = 0; i < 5; i++) {
      expectOk(dispatchSync(i % 2 ? a : b, 'project.create', { name: `p${i}` }));
    }
    const changes = log(a).filter((c) => c.origin === a.siteId);
    expect(a.siteId).toBe(b.siteId);
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    const bySeq = [...changes].sort((x, y) => x.seq - y.seq);
    for (let i = 1; i < bySeq.length; i++) expect(bySeq[i]!.hlc > bySeq[i - 1]!.hlc).toBe(true);
  });

  test('a database restored from an older backup takes a new site id instead of reusing seqs', async () => {
    const dir = tempDir();
    const file = join(dir, 'crm.sqlite');
    const app = await open(file);
    expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '北京' }));
    checkpointFully(app);
    copyFileSync(file, join(dir, 'backup.sqlite'));
    expectOk(dispatchSync(app, 'project.create', { name: 'after the backup' }));
    const site = app.siteId;
    const seqAfter = log(app).filter((c) => c.origin === site).length;
    opened.splice(opened.indexOf(app), 1);
    app.close();

    copyFileSync(join(dir, 'backup.sqlite'), file); // the user restores yesterday's copy
    const restored = await open(file);
    expect(restored.siteId).not.toBe(site);
    expect(restored.meta('previous_site_ids')).toBe(site);
    expectOk(dispatchSync(restored, 'project.create', { name: 'on the restored copy' }));
    const reused = log(restored).filter((c) => c.origin === site && c.seq >= seqAfter);
    expect(reused).toEqual([]);
  });

  test('reopening a database where this install left it keeps its site id', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const first = await open(file);
    expectOk(dispatchSync(first, 'app.init', { user: '张三', office: '深圳' }));
    expectOk(dispatchSync(first, 'project.create', { name: 'x' }));
    const site = first.siteId;
    opened.splice(0).forEach((a) => a.close());
    expect((await open(file)).siteId).toBe(site);
  });

  test('a user-data folder copied to another laptop takes a new site id, with a certificate', async () => {
    const dir = tempDir();
    const file = join(dir, 'crm.sqlite');
    const app = await open(file);
    expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '上海' }));
    const site = app.siteId;
    opened.splice(0).forEach((a) => a.close());
    // The folder arrives on another machine: its identity file names the machine it was written on.
    const idFile = `${file}.install-id`;
    const identity = JSON.parse(readFileSync(idFile, 'utf8')) as { machine: string };
    expect(identity.machine).toMatch(/^[0-9a-f]{32}$/);
    writeFileSync(idFile, JSON.stringify({ ...identity, machine: '0'.repeat(32) }));
    const moved = await open(file);
    expect(moved.siteId).not.toBe(site);
    expect(moved.meta('previous_site_ids')).toBe(site);
    const zone = expectOk(dispatchSync(moved, 'zone.status', undefined)) as ZoneStatus;
    const laptops = zone.offices.flatMap((o) => o.laptops);
    expect(laptops.find((l) => l.thisLaptop)).toMatchObject({
      siteId: moved.siteId,
      state: 'active',
    });
    // The old origin's changes stay vouched for by the key that wrote them.
    const head = moved.sqlite
      .prepare('SELECT seq FROM sync_head WHERE origin = ?')
      .pluck()
      .get(site) as number;
    expect(head).toBe(log(moved).filter((c) => c.origin === site).length);
    // And the moved laptop still saves, with seqs of its own from 1.
    expectOk(dispatchSync(moved, 'project.create', { name: '新电脑上的项目' }));
    expect(
      log(moved)
        .filter((c) => c.origin === moved.siteId)
        .map((c) => c.seq),
    ).toEqual([1]);
  });

  test('every transaction that takes seqs reserves them in the identity file first', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const app = await open(file);
    expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '上海' }));
    for (let i = 0; i < 3; i++) expectOk(dispatchSync(app, 'project.create', { name: `p${i}` }));
    const reserved = (JSON.parse(readFileSync(`${file}.install-id`, 'utf8')) as { seq: number })
      .seq;
    expect(reserved).toBe(log(app).filter((c) => c.origin === app.siteId).length);
  });

  test('the mutation layer refuses a next seq that is not a safe integer', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const app = await open(file);
    expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '上海' }));
    app.sqlite
      .prepare('UPDATE sync_vv SET max_seq = ? WHERE origin = ?')
      .run(Number.MAX_SAFE_INTEGER, app.siteId);
    const before = log(app).length;
    expect(dispatchSync(app, 'project.create', { name: 'x' })).toMatchObject({
      ok: false,
      code: 'SEQ_EXHAUSTED',
    });
    expect(log(app)).toHaveLength(before);
  });
});
