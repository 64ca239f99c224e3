import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import type { Schema } from '../../db/schema';
import { dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, tempDir } from '../helpers';

type Change = Schema['sync_change'];

const changes = (app: AppDatabase) =>
  app.sqlite.prepare('SELECT * FROM sync_change ORDER BY origin, seq').all() as Change[];

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));
const open = async (...args: Parameters<typeof openTempDb>) => {
  const app = await openTempDb(...args);
  opened.push(app);
  return app;
};

describe('change log (docs/sync.md S3, S4)', () => {
  test('every write leaves one change per row with dense seq and strictly increasing clocks', async () => {
    const app = await open();
    const p = expectOk(
      dispatchSync(app, 'project.create', { name: 'a', investor: '新投资方', owner: '王五' }),
    ) as ProjectRecord;
    expectOk(
      dispatchSync(app, 'project.update', { id: p.id, patch: { name: 'b', problems: '土地' } }),
    );
    expectOk(dispatchSync(app, 'project.delete', { id: p.id }));
    const log = changes(app);
    expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
    for (let i = 1; i < log.length; i++) expect(log[i]!.hlc > log[i - 1]!.hlc).toBe(true);
    expect(new Set(log.map((c) => c.origin))).toEqual(new Set([app.siteId]));

    const own = log.filter((c) => c.row_id === p.id);
    expect(own).toHaveLength(3); // create (one change for all fields), update, delete
    expect(JSON.parse(own[1]!.fields)).toEqual({ name: 'b', problems: '土地' });
    // prev names the clock of the value the author saw: the create for `name`, nothing for `problems`
    expect(JSON.parse(own[1]!.prev)).toEqual({ name: own[0]!.hlc });
    expect(JSON.parse(own[2]!.fields)).toEqual({ deleted: 1 });
    expect(own[0]!.author).toBe('张三');
    // the investor and the promoter created on the way were captured too
    expect(log.some((c) => c.tbl === 'investor')).toBe(true);
    expect(log.some((c) => c.tbl === 'promoter' && JSON.parse(c.fields).name === '王五')).toBe(
      true,
    );
  });

  test('an update that changes nothing records nothing', async () => {
    const app = await open();
    const p = expectOk(dispatchSync(app, 'project.create', { name: 'same' })) as ProjectRecord;
    const before = changes(app).length;
    expectOk(dispatchSync(app, 'project.update', { id: p.id, patch: { name: 'same' } }));
    expect(changes(app)).toHaveLength(before);
  });

  test('the clock never goes backwards, even when the wall clock does', async () => {
    let now = Date.UTC(2021, 5, 1);
    const app = await open({ wallMs: () => now });
    expectOk(dispatchSync(app, 'project.create', { name: 'x' }));
    now -= 3_600_000; // someone set the laptop's clock back an hour
    expectOk(dispatchSync(app, 'project.create', { name: 'y' }));
    const log = changes(app);
    expect(log.at(-1)!.hlc > log.at(-2)!.hlc).toBe(true);
  });

  test('a failed transaction leaves neither rows, changes nor a moved clock', async () => {
    const app = await open();
    const before = changes(app);
    const hlcBefore = app.meta('hlc_last');
    expect(() =>
      app.transact((tx) => {
        tx.mutate.insert('project', { name: 'half' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(changes(app)).toEqual(before);
    expect(app.meta('hlc_last')).toBe(hlcBefore);
    expect(
      app.sqlite.prepare("SELECT count(*) AS n FROM project WHERE name = 'half'").get(),
    ).toEqual({ n: 0 });
    // and the next write still continues the dense sequence
    expectOk(dispatchSync(app, 'project.create', { name: 'next' }));
    expect(changes(app).at(-1)!.seq).toBe(before.at(-1)!.seq + 1);
  });

  test('the clock survives reopening: later writes sort after earlier ones', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    let now = Date.UTC(2021, 5, 1);
    const first = await openAppDatabase(file, { wallMs: () => now });
    expectOk(dispatchSync(first, 'app.init', { user: '张三', office: '北京' }));
    const last = first.meta('hlc_last')!;
    first.close();
    now -= 86_400_000;
    const again = await openAppDatabase(file, { wallMs: () => now });
    opened.push(again);
    expectOk(dispatchSync(again, 'project.create', { name: 'after' }));
    expect(again.meta('hlc_last')! > last).toBe(true);
  });

  test('a copied database takes a new site id, so sequence numbers are never reused (S2)', async () => {
    const dir = tempDir();
    const original = await openAppDatabase(join(dir, 'a.sqlite'));
    expectOk(dispatchSync(original, 'app.init', { user: '张三', office: '本部' }));
    const site = original.siteId;
    original.close();
    copyFileSync(join(dir, 'a.sqlite'), join(dir, 'copy.sqlite'));
    const copy = await openAppDatabase(join(dir, 'copy.sqlite'));
    opened.push(copy);
    expect(copy.siteId).not.toBe(site);
    expect(copy.meta('previous_site_ids')).toBe(site);
    expectOk(dispatchSync(copy, 'project.create', { name: 'on the copy' }));
    const mine = changes(copy).filter((c) => c.origin === copy.siteId);
    expect(mine.map((c) => c.seq)).toEqual([1]);
    const reopened = await openAppDatabase(join(dir, 'a.sqlite'));
    opened.push(reopened);
    expect(reopened.siteId).toBe(site);
  });
});
