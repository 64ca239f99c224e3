// Snapshots refused (docs/sync.md S22) on real files: another zone's, damaged or cut, altered in
// 本部's log, with a table this version lacks, with a bad value, with a settled row's stamp forged,
// an office laptop's, into a laptop that holds data, or imported as an ordinary file. Each leaves
// the database byte for byte as it was.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { removeMutationGuard } from '../../db/mutation';
import { encodeFile, readManifest } from '../../db/sync/file-format';
import type { Manifest, ManifestDraft } from '../../db/sync/file-format';
import { importFile } from '../../db/sync/import';
import { compact } from '../../db/sync/compaction';
import { makeSnapshot, writeSnapshot } from '../../db/sync/snapshot';
import { loadSnapshot } from '../../db/sync/snapshot-load';
import { expectOk, tempDir } from '../helpers';
import { databaseBytes, openReplica } from './replicas';
import { emptyJoined } from './snapshot-joined';
import { zoneOf } from '../../db/sync/zone';

describe('snapshots refused, nothing written', () => {
  async function setUp() {
    const dir = tempDir('zs-snap-bad-');
    const hq = await openReplica('本部', { dir: tempDir('zs-snap-hq-') });
    expectOk(dispatchSync(hq.app, 'project.create', { name: '本部的项目', office: '本部' }));
    const snapshot = await makeSnapshot(hq.app, { out: join(dir, 'zone.zsnap') });
    const clock = { ms: hq.clock.ms };
    const app = await emptyJoined(dir, '北京', clock);
    return { dir, hq, snapshot: snapshot.file, app };
  }

  async function refused(app: Awaited<ReturnType<typeof setUp>>['app'], file: string) {
    const before = databaseBytes(app);
    const error = await loadSnapshot(app, { file }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(databaseBytes(app).equals(before)).toBe(true);
    return error;
  }

  test('a snapshot from another zone', async () => {
    const { dir, app } = await setUp();
    const other = await openAppDatabase(join(dir, 'other.sqlite'));
    expectOk(
      dispatchSync(other, 'app.init', { user: '别区', office: '本部', zoneName: '另一个分区' }),
    );
    expectOk(dispatchSync(other, 'project.create', { name: '别区项目', office: '本部' }));
    const theirs = await makeSnapshot(other, { out: join(dir, 'other.zsnap') });
    const error = await refused(app, theirs.file);
    expect(error?.code).toBe('ZONE_MISMATCH');
    expect(error?.message).toContain('另一个分区');
  });

  test('a signed snapshot whose image is no database', async () => {
    const { dir, hq, snapshot, app } = await setUp();
    const real = readManifest(readFileSync(snapshot)).manifest;
    const zone = zoneOf(hq.app.sqlite);
    const garbage = Buffer.alloc(1 << 16, 7);
    const gzipped = gzipSync(garbage);
    const draft: ManifestDraft = { ...real };
    for (const key of ['payload', 'encryption', 'changes'] as const)
      delete (draft as Partial<Manifest>)[key];
    const pieces = { pieceBytes: garbage.length, pieces: [gzipped.length] };
    const { bytes } = await encodeFile(
      { ...draft, fileId: randomUUID(), snapshot: { ...real.snapshot!, ...pieces } },
      { gzipped, rawBytes: garbage.length, changes: 0 },
      { zoneKey: zone.key, epoch: zone.epoch, signKey: zone.siteKey },
    );
    writeFileSync(join(dir, 'garbage.zsync'), bytes);
    const error = await refused(app, join(dir, 'garbage.zsync'));
    expect(error?.code).toBe('SNAPSHOT_INVALID');
  });

  test('a damaged or cut snapshot', async () => {
    const { dir, snapshot, app } = await setUp();
    const bytes = readFileSync(snapshot);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.6)]! ^= 0x40;
    writeFileSync(join(dir, 'flipped.zsnap'), flipped);
    expect((await refused(app, join(dir, 'flipped.zsnap')))?.code).toBe('FILE_CORRUPT');
    writeFileSync(join(dir, 'cut.zsnap'), bytes.subarray(0, bytes.length - 100));
    expect((await refused(app, join(dir, 'cut.zsnap')))?.code).toBe('FILE_TRUNCATED');
    // The file is read from disk piece by piece: one that is not there, or a folder, is not found.
    expect((await refused(app, join(dir, 'missing.zsnap')))?.code).toBe('FILE_NOT_FOUND');
    expect((await refused(app, dir))?.code).toBe('FILE_NOT_FOUND');
    writeFileSync(join(dir, 'text.zsnap'), 'not a sync file');
    expect((await refused(app, join(dir, 'text.zsnap')))?.code).toBe('NOT_SYNC_FILE');
  });

  test('a change altered in 本部’s log, a trigger added, a bad value: each caught by the image checks', async () => {
    const { dir, hq, app } = await setUp();
    const forged = hq.app.sqlite.prepare(
      "UPDATE sync_change SET fields = json_set(fields, '$.name', '篡改') WHERE tbl = 'project'",
    );
    expect(forged.run().changes).toBeGreaterThan(0);
    const altered = await makeSnapshot(hq.app, { out: join(dir, 'altered.zsnap') });
    expect((await refused(app, altered.file))?.code).toBe('FILE_UNAUTHENTICATED');

    const hq2 = await openReplica('本部', { dir: tempDir('zs-snap-hq2-') });
    hq2.app.sqlite.exec('CREATE TABLE extra (x)');
    const extra = await makeSnapshot(hq2.app, { out: join(dir, 'extra.zsnap') });
    expect((await refused(app, extra.file))?.code).toBe('SNAPSHOT_INVALID');

    const hq3 = await openReplica('本部', { dir: tempDir('zs-snap-hq3-') });
    expectOk(dispatchSync(hq3.app, 'project.create', { name: '好项目', office: '本部' }));
    removeMutationGuard(hq3.app.sqlite);
    hq3.app.sqlite.exec("UPDATE project SET signed_on = '不是日期'");
    const bad = await makeSnapshot(hq3.app, { out: join(dir, 'bad.zsnap') });
    expect((await refused(app, bad.file))?.code).toBe('SYNC_VALUE_INVALID');

    // Both at once: the chains' refusal (from their worker thread) comes first, as in the checks'
    // order, with its own message.
    hq3.app.sqlite
      .prepare(
        "UPDATE sync_change SET fields = json_set(fields, '$.name', '篡改') WHERE tbl = 'project'",
      )
      .run();
    const both = await makeSnapshot(hq3.app, { out: join(dir, 'both.zsnap') });
    const first = await refused(app, both.file);
    expect(first?.code).toBe('FILE_UNAUTHENTICATED');
    expect(first?.message).toContain('的变更与其签名不符');
  });

  test('settled rows’ stamps forged in 本部’s image: each refused by the value checks', async () => {
    const { dir, hq, app } = await setUp();
    // Rows that settle: whole blocks of changes, a compaction with the zone's first 本部 laptop
    // silent (excluded) and none other to wait for.
    for (let i = 0; i < 20; i++) {
      expectOk(dispatchSync(hq.app, 'project.create', { name: `定稿项目${i}`, office: '本部' }));
    }
    hq.clock.ms += 91 * 86_400_000;
    const silent = compact(hq.app, { vacuum: false }).silent.map((p) => p.siteId);
    expect(compact(hq.app, { exclude: silent, vacuum: false }).settled).toBeGreaterThan(10);
    const db = hq.app.sqlite;
    const future = hq.clock.ms + 2 * 86_400_000;
    const firstStamp = "(SELECT row_id FROM sync_settled WHERE tbl = 'project' LIMIT 1)";
    const forgeries: [sql: string, code: string, message: string][] = [
      [
        `UPDATE sync_settled SET row_id = 'no-such-row' WHERE row_id = ${firstStamp}`,
        'SNAPSHOT_INVALID',
        '没有对应的数据行',
      ],
      [
        "UPDATE sync_colset SET cols = json_insert(cols, '$[#]', 'secret')",
        'SNAPSHOT_INVALID',
        '定稿字段表',
      ],
      ["UPDATE sync_colset SET tbl = 'investor'", 'SNAPSHOT_INVALID', '定稿记录不完整'],
      [
        `UPDATE sync_settled SET seq = seq + 100000 WHERE row_id = ${firstStamp}`,
        'SNAPSHOT_INVALID',
        '定稿记录不完整',
      ],
      [
        `UPDATE sync_settled SET hlc = printf('%012x', ${future}) || substr(hlc, 13) WHERE row_id = ${firstStamp}`,
        'CLOCK_DRIFT',
        '快照中的修改',
      ],
    ];
    // The genuine image loads (into a laptop of its own); each forged one is refused.
    db.exec('CREATE TEMP TABLE kept_settled AS SELECT * FROM sync_settled');
    db.exec('CREATE TEMP TABLE kept_colset AS SELECT * FROM sync_colset');
    const genuine = await makeSnapshot(hq.app, { out: join(dir, 'settled.zsnap') });
    const other = await emptyJoined(dir, '深圳', { ms: hq.clock.ms });
    expect((await loadSnapshot(other, { file: genuine.file })).changes).toBeGreaterThan(0);
    expect(other.sqlite.prepare('SELECT count(*) FROM sync_settled').pluck().get()).toBeGreaterThan(
      10,
    );
    for (const [i, [forge, code, message]] of forgeries.entries()) {
      expect(db.prepare(forge).run().changes).toBeGreaterThan(0);
      const forged = await makeSnapshot(hq.app, { out: join(dir, `forged-${i}.zsnap`) });
      db.exec(`DELETE FROM sync_settled; INSERT INTO sync_settled SELECT * FROM temp.kept_settled;
               DELETE FROM sync_colset; INSERT INTO sync_colset SELECT * FROM temp.kept_colset`);
      const error = await refused(app, forged.file);
      expect({ forge, code: error?.code }).toEqual({ forge, code });
      expect(error?.message).toContain(message);
    }
  });

  test('an office laptop’s snapshot; a database that holds data; a snapshot imported as a file', async () => {
    const { dir, snapshot, app } = await setUp();
    const shanghai = await openReplica('上海', { dir: tempDir('zs-snap-sh-') });
    await expect(makeSnapshot(shanghai.app, { out: join(dir, 'sh.zsnap') })).rejects.toMatchObject({
      code: 'ZONE_NOT_HQ',
    });
    expect(existsSync(join(dir, 'sh.zsnap'))).toBe(false);
    // One made all the same (another program): the receiver refuses it.
    const theirs = await writeSnapshot(shanghai.app, { out: join(dir, 'sh.zsnap') });
    const error = await refused(app, theirs.file);
    expect(error?.code).toBe('FILE_UNAUTHENTICATED');
    expect(error?.message).toContain('本部');

    expect((await refused(shanghai.app, snapshot))?.code).toBe('SNAPSHOT_NOT_EMPTY');
    const asFile = await importFile(shanghai.app, snapshot).then(
      () => null,
      (e: unknown) => e as { code: string },
    );
    expect(asFile?.code).toBe('SNAPSHOT_NOT_INCREMENTAL');
  });
});
