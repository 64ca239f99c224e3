// File key rotation (docs/sync.md Z5, Z7), on real database files and real exported files: 本部
// revokes a lost laptop and replaces the file key; its next file reaches an office, which relays it
// to a second office, each taking its new key from the statement in the roster; the revoked
// laptop refuses that file with FILE_KEY_MISSING and its database is unchanged; files made before
// the rekey still import; a laptop certified after the rekey gets its envelope from 本部's next
// export; invitations carry the newest key (and every key when made for 本部); the CLI's
// `zone rekey --json` on a real database.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { readManifest } from '../../db/sync/file-format';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import { storedRekey, zoneOf } from '../../db/sync/zone';
import { newKeyPair, signStatement } from '../../db/sync/zone-crypto';
import type { Rekey } from '../../db/sync/zone-crypto';
import { errorMessages } from '../../domain/errors';
import type { ErrorCode } from '../../domain/errors';
import type { ZoneRekeyResult, ZoneStatus } from '../../domain/sync';
import { checkpointFully, expectOk, openTempDb, tempDir } from '../helpers';
import { migrateDownTo } from '../migrate-down';
import { buildCli, runCli } from './cli-bundle';
import { forgeFile } from './forge';
import type { ForgeOptions } from './forge';
import {
  call,
  databaseBytes,
  dump,
  exportTo,
  importInto,
  openReplica,
  sharedTestZone,
} from './replicas';
import type { Replica } from './replicas';

const dir = tempDir('zs-rekey-');
const open: Replica[] = [];
afterAll(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string): Promise<Replica> {
  const r = await openReplica(office);
  open.push(r);
  return r;
}

const names = (r: Replica) => dump(r).project!.map((p) => (p as { name: string }).name);
const epochOf = (r: Replica) => call<ZoneStatus>(r, 'zone.status').epoch;
const fileEpoch = (file: string) => readManifest(readFileSync(file)).manifest.encryption.epoch;

/** Sends every change of `from` that `to` lacks, as a file made for `to`'s office. */
async function send(from: Replica, to: Replica): Promise<string> {
  const out = await exportTo(from, dir, { for: to.office });
  await importInto(to, out.file);
  return out.file;
}

/** The import's refusal through the API: its code and message, the database unchanged. */
async function expectRefused(r: Replica, file: string, code: ErrorCode): Promise<string> {
  const bytes = databaseBytes(r.app);
  const before = dump(r);
  const result = await dispatch(r.app, 'sync.import', { file });
  expect(result).toMatchObject({ ok: false, code });
  const message = result.ok ? '' : result.message;
  expect(message.startsWith(errorMessages[code])).toBe(true);
  expect(dump(r)).toEqual(before);
  expect(databaseBytes(r.app).equals(bytes)).toBe(true);
  return message;
}

describe('after a lost laptop is revoked, 本部 replaces the file key', () => {
  let hq: Replica;
  let sh: Replica;
  let bj: Replica;
  let lost: Replica;
  let rekeyed: ZoneRekeyResult;
  /** 本部's file for 上海 made after the rekey. */
  let after: string;
  /** A file 北京 made for 本部 before it. */
  let before: string;

  beforeAll(async () => {
    hq = await replica('本部');
    sh = await replica('上海');
    bj = await replica('北京');
    lost = await replica('深圳');
    // 本部 knows each laptop (and its X25519 key) from its first file.
    for (const r of [sh, bj, lost]) await send(r, hq);
    for (const r of [sh, bj, lost]) await send(hq, r);
    call(bj, 'project.create', { name: '北京更换前的项目' });
    before = (await exportTo(bj, dir, { for: '本部' })).file;
    call(hq, 'zone.revoke', { siteId: lost.app.siteId });
    rekeyed = call<ZoneRekeyResult>(hq, 'zone.rekey');
    call(hq, 'project.create', { name: '更换密钥后的项目' });
    after = (await exportTo(hq, dir, { for: '上海' })).file;
  });

  test('the new epoch covers every certified laptop but the revoked one', async () => {
    // The test zone's first 本部 laptop (which made the invitations) is one of them.
    const { hub } = await sharedTestZone();
    expect(rekeyed).toEqual({ epoch: 1, laptops: 4, waiting: [] });
    expect(epochOf(hq)).toBe(1);
    const statement = storedRekey(hq.app.sqlite, 1)!;
    expect(statement.envelopes.map((e) => e.siteId)).toEqual(
      [hub.siteId, ...[hq, sh, bj].map((r) => r.app.siteId)].sort(),
    );
    // The statement names no key: its envelopes are sealed per laptop.
    const key = zoneOf(hq.app.sqlite).keys.get(1)!;
    expect(JSON.stringify(statement)).not.toContain(key.toString('base64'));
    expect(fileEpoch(after)).toBe(1);
  });

  test('an office imports 本部’s file under the new key, and relays it to a second office', async () => {
    expect(epochOf(sh)).toBe(0);
    const report = await importInto(sh, after);
    expect(report.new).toBeGreaterThan(0);
    expect(epochOf(sh)).toBe(1);
    expect(names(sh)).toContain('更换密钥后的项目');
    expect(zoneOf(sh.app.sqlite).keys.get(1)).toEqual(zoneOf(hq.app.sqlite).keys.get(1));
    // 上海 now writes under the new key; 北京 takes its own envelope from 上海's roster.
    const relayed = (await exportTo(sh, dir, { for: '北京' })).file;
    expect(fileEpoch(relayed)).toBe(1);
    expect(epochOf(bj)).toBe(0);
    await importInto(bj, relayed);
    expect(epochOf(bj)).toBe(1);
    expect(names(bj)).toContain('更换密钥后的项目');
    expect(zoneOf(bj.app.sqlite).keys.get(1)).toEqual(zoneOf(hq.app.sqlite).keys.get(1));
    // The revoked laptop cannot read the relayed file either.
    const message = await expectRefused(lost, relayed, 'FILE_KEY_MISSING');
    expect(message).toContain('文件用第 1 代密钥加密，本机持有第 0 代');
  });

  test('the revoked laptop refuses 本部’s file: FILE_KEY_MISSING, its database unchanged', async () => {
    await expectRefused(lost, after, 'FILE_KEY_MISSING');
    expect(epochOf(lost)).toBe(0);
    expect(names(lost)).not.toContain('更换密钥后的项目');
  });

  test('the thief’s copy of the lost laptop cannot enrol: its grant was revoked with it', async () => {
    // The lost laptop keeps its invitation's enrolment key. A copy of its folder opened on another
    // machine takes a new site id and certifies it with that key, as a moved laptop would.
    checkpointFully(lost.app);
    const copy = join(tempDir('zs-rekey-thief-'), 'crm.sqlite');
    copyFileSync(lost.app.file, copy);
    const identity = JSON.parse(readFileSync(`${lost.app.file}.install-id`, 'utf8')) as object;
    writeFileSync(`${copy}.install-id`, JSON.stringify({ ...identity, machine: '0'.repeat(32) }));
    const clock = { ms: lost.clock.ms };
    const thief: Replica = {
      app: await openAppDatabase(copy, { wallMs: () => clock.ms }),
      office: '深圳',
      clock,
    };
    open.push(thief);
    expect(thief.app.siteId).not.toBe(lost.app.siteId);
    call(thief, 'project.create', { name: '冒名的项目' });
    const forged = (await exportTo(thief, dir, { for: '本部' })).file;
    // 本部 holds the grant's revocation: the new certificate makes no member, so its file is refused.
    await expectRefused(hq, forged, 'FILE_UNAUTHENTICATED');
    const laptops = call<ZoneStatus>(hq, 'zone.status').offices.flatMap((o) => o.laptops);
    expect(laptops.some((l) => l.siteId === thief.app.siteId && l.state === 'active')).toBe(false);
    // Nor does 本部's next statement wrap a key for it.
    call(hq, 'project.create', { name: '再次导出' });
    await exportTo(hq, dir, { for: '深圳' });
    const wrapped = storedRekey(hq.app.sqlite, 1)!.envelopes.map((e) => e.siteId);
    expect(wrapped).not.toContain(thief.app.siteId);
    expect(wrapped).not.toContain(lost.app.siteId);
  });

  test('a file made before the rekey still imports after it', async () => {
    expect(fileEpoch(before)).toBe(0);
    const report = await importInto(hq, before);
    expect(report.new).toBeGreaterThan(0);
    expect(names(hq)).toContain('北京更换前的项目');
  });

  test('a second rekey makes epoch 2; every epoch held stays readable', async () => {
    const older = (await exportTo(sh, dir, { full: true })).file;
    expect(call<ZoneRekeyResult>(hq, 'zone.rekey')).toMatchObject({ epoch: 2, laptops: 4 });
    const newer = (await exportTo(hq, dir, { for: '上海' })).file;
    expect(fileEpoch(newer)).toBe(2);
    await importInto(sh, newer);
    expect(epochOf(sh)).toBe(2);
    expect((await importInto(hq, older)).alreadyImported).toBe(false);
    await expectRefused(lost, newer, 'FILE_KEY_MISSING');
  });
});

describe('laptops that join after a rekey', () => {
  test('a laptop certified after the rekey gets its envelope from 本部’s next export', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    await send(sh, hq);
    call(hq, 'zone.rekey');
    const first = storedRekey(hq.app.sqlite, 1)!;
    // Joined with an invitation made before the rekey: it holds epoch 0 only.
    const late = await replica('上海');
    call(hq, 'project.create', { name: '本部尚不知新电脑时' });
    const tooEarly = (await exportTo(hq, dir, { for: '上海' })).file;
    await expectRefused(late, tooEarly, 'FILE_KEY_MISSING');
    // Its first file tells 本部 of it; 本部 issues the statement again with its envelope.
    await send(late, hq);
    const second = storedRekey(hq.app.sqlite, 1)!;
    expect(second.issuedAt > first.issuedAt).toBe(true);
    expect(second.envelopes.map((e) => e.siteId)).toContain(late.app.siteId);
    expect(second.envelopes.filter((e) => e.siteId !== late.app.siteId)).toEqual(first.envelopes);
    await send(hq, late);
    expect(epochOf(late)).toBe(1);
    expect(zoneOf(late.app.sqlite).keys.get(1)).toEqual(zoneOf(hq.app.sqlite).keys.get(1));
    expect(names(late)).toContain('本部尚不知新电脑时');
    // The file it could not read before now imports too.
    expect((await importInto(late, tooEarly)).alreadyImported).toBe(false);
    // 上海's first laptop keeps the latest statement of the epoch once it hears from 本部.
    await send(hq, sh);
    expect(storedRekey(sh.app.sqlite, 1)).toEqual(second);
  });

  test('an invitation made after a rekey carries the newest key; one for 本部 carries all', async () => {
    const hq = await replica('本部');
    call(hq, 'zone.rekey');
    const passphrase = '电话告知的邀请口令';
    const joinWith = async (hqInvite: boolean) => {
      const out = join(tempDir(), 'after.zsinvite');
      await makeInvitation(hq.app, { out, passphrase, hq: hqInvite, withoutData: hqInvite });
      const app = await openTempDb({ init: false });
      await joinWithInvitation(app, { file: out, passphrase });
      return app;
    };
    const office = await joinWith(false);
    const officeZone = zoneOf(office.sqlite);
    expect(officeZone.epoch).toBe(1);
    expect([...officeZone.keys.keys()]).toEqual([1]);
    expect(officeZone.key).toEqual(zoneOf(hq.app.sqlite).key);
    const spare = await joinWith(true);
    const spareZone = zoneOf(spare.sqlite);
    expect([...spareZone.keys]).toEqual([...zoneOf(hq.app.sqlite).keys]);
    expect(spareZone.rootPrivate).not.toBeNull();
    // The replacement 本部 laptop replaces the key in turn.
    expectOk(dispatchSync(spare, 'app.init', { user: '本部新电脑', office: '本部' }));
    expect(expectOk(dispatchSync(spare, 'zone.rekey', undefined))).toMatchObject({ epoch: 2 });
    office.close();
    spare.close();
  });
});

describe('a replaced 本部 laptop', () => {
  test('restored from an --hq invitation older than the rekey, it opens the root’s envelope', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const passphrase = '密封保存的本部邀请口令';
    const sealed = join(tempDir(), 'sealed.zsinvite');
    await makeInvitation(hq.app, { out: sealed, passphrase, hq: true, withoutData: true });
    await send(sh, hq);
    call(hq, 'zone.rekey');
    await send(hq, sh);
    call(sh, 'project.create', { name: '新密钥下的项目' });
    const underNewKey = (await exportTo(sh, dir, { for: '本部' })).file;
    expect(fileEpoch(underNewKey)).toBe(1);
    const key = zoneOf(hq.app.sqlite).keys.get(1);
    hq.app.close();
    open.splice(open.indexOf(hq), 1);

    const spare: Replica = {
      app: await openTempDb({ init: false, wallMs: () => hq.clock.ms }),
      office: '本部',
      clock: hq.clock,
    };
    open.push(spare);
    await joinWithInvitation(spare.app, { file: sealed, passphrase });
    expectOk(dispatchSync(spare.app, 'app.init', { user: '本部新电脑', office: '本部' }));
    expect([...zoneOf(spare.app.sqlite).keys.keys()]).toEqual([0]);
    // No envelope names its new site id; the statement's root envelope opens with the root key.
    await importInto(spare, underNewKey);
    expect(zoneOf(spare.app.sqlite).keys.get(1)).toEqual(key);
    expect(names(spare)).toContain('新密钥下的项目');
    // It covers itself, and its files reach 上海 under the same epoch.
    expect(storedRekey(spare.app.sqlite, 1)!.envelopes.map((e) => e.siteId)).toContain(
      spare.app.siteId,
    );
    call(spare, 'project.create', { name: '本部新电脑的项目' });
    await send(spare, sh);
    expect(names(sh)).toContain('本部新电脑的项目');
    expect(call<ZoneRekeyResult>(spare, 'zone.rekey').epoch).toBe(2);
  });
});

describe('laptops of the previous version', () => {
  test('one without an X25519 key waits; upgraded, its database keeps its key as epoch 0 and is covered', async () => {
    const hq = await replica('本部');
    const old = await replica('北京');
    const zoneBefore = zoneOf(old.app.sqlite);
    // Its certificate as the previous version signed it: no X25519 key.
    const cert = JSON.parse(
      old.app.sqlite
        .prepare('SELECT statement FROM zone_site WHERE site_id = ?')
        .pluck()
        .get(old.app.siteId) as string,
    ) as Record<string, unknown>;
    const body: Record<string, unknown> = {
      ...cert,
      issuedAt: new Date(old.clock.ms + 1000).toISOString(),
    };
    delete body.sig;
    delete body.kx;
    const grantKey = old.app.meta('zone_grant_key')!;
    old.app.sqlite
      .prepare('UPDATE zone_site SET statement = ? WHERE site_id = ?')
      .run(JSON.stringify({ ...body, sig: signStatement('site', body, grantKey) }), old.app.siteId);
    await send(old, hq);
    const rekeyed = call<ZoneRekeyResult>(hq, 'zone.rekey');
    expect(rekeyed.waiting).toEqual([old.app.siteId]);

    // The previous version's database: the file key in sync_meta, no epochs, no X25519 key, and
    // none of the later migrations (undone through their downs, so that they run again after 007;
    // 012 only rewrites values, which it finds already rewritten).
    const file = old.app.file;
    old.app.close();
    open.splice(open.indexOf(old), 1);
    await migrateDownTo(file, '008-import-log-manifest');
    const raw = new Database(file);
    raw.prepare("INSERT INTO sync_meta (key, value) SELECT 'zone_key', key FROM zone_key").run();
    raw.exec(`DROP TABLE zone_key; DROP TABLE zone_rekey;
      DELETE FROM kysely_migration WHERE name = '007-zone-keys';
      ALTER TABLE sync_import_log DROP COLUMN manifest_sha256;
      DELETE FROM kysely_migration WHERE name = '008-import-log-manifest';
      DELETE FROM sync_meta WHERE key = 'site_kx_key';`);
    raw.close();
    const upgraded: Replica = {
      ...old,
      app: await openAppDatabase(file, { wallMs: () => old.clock.ms + 2000 }),
    };
    open.push(upgraded);
    const zoneAfter = zoneOf(upgraded.app.sqlite);
    expect(upgraded.app.siteId).toBe(old.app.siteId);
    expect([...zoneAfter.keys]).toEqual([[0, zoneBefore.key]]);
    expect(zoneAfter.siteKx).not.toBe('');

    // Its new certificate reaches 本部, which covers it; 本部's next file brings the key.
    await send(upgraded, hq);
    expect(storedRekey(hq.app.sqlite, 1)!.envelopes.map((e) => e.siteId)).toContain(old.app.siteId);
    await send(hq, upgraded);
    expect(epochOf(upgraded)).toBe(1);
  });
});

describe('refusals', () => {
  test('only the root holder of a real zone replaces the key', async () => {
    const sh = await replica('上海');
    expect(dispatchSync(sh.app, 'zone.rekey', undefined)).toMatchObject({
      ok: false,
      code: 'ZONE_NOT_HQ',
      message: errorMessages.ZONE_NOT_HQ,
    });
    const solo = await openTempDb();
    expect(dispatchSync(solo, 'zone.rekey', undefined)).toMatchObject({
      ok: false,
      code: 'ZONE_NOT_CREATED',
    });
    solo.close();
  });

  test('a statement the root did not sign, or an epoch nobody wrapped, is refused', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    await send(sh, hq);
    await send(hq, sh);
    const zone = zoneOf(sh.app.sqlite);
    const forge = async (options: ForgeOptions) => {
      const file = join(dir, `forged-${Math.random().toString(36).slice(2)}.zsync`);
      writeFileSync(file, (await forgeFile(sh.app, [], options)).bytes);
      return file;
    };
    const body = {
      zone: zone.id,
      epoch: 1,
      issuedAt: new Date().toISOString(),
      envelopes: [],
      root: { epk: zone.rootPublic, iv: 'A'.repeat(16), box: 'A'.repeat(64) },
    };
    const forged: Rekey = { ...body, sig: signStatement('rekey', body, newKeyPair().privateKey) };
    const roster = { grants: [], sites: [], revocations: [], rekeys: [forged] };
    await expectRefused(hq, await forge({ manifest: { roster } }), 'FILE_UNAUTHENTICATED');
    // A manifest naming an epoch this laptop has no key or envelope for.
    await expectRefused(hq, await forge({ epoch: 7 }), 'FILE_KEY_MISSING');
  });
});

describe('cli', { timeout: 120_000 }, () => {
  test('zone rekey --json at 本部 prints the new epoch; zone --json shows it', async () => {
    const bundle = buildCli('zone-rekey');
    const cliDir = tempDir('zs-cli-rekey-');
    const db = (name: string) => join(cliDir, `${name}.sqlite`);
    const cli = (name: string, ...args: string[]) =>
      runCli(bundle, ['--db', db(name), ...args], { ZS_TEST_INVITE: '电话告知的邀请口令' });
    expect((await cli('hq', 'init', '--office', '本部', '--user', '李四')).code).toBe(0);
    const invitation = join(cliDir, 'shanghai.zsinvite');
    const invite = ['zone', 'invite', '--out', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
    expect((await cli('hq', ...invite)).code).toBe(0);
    const joinArgs = ['--join', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
    expect((await cli('sh', 'init', '--office', '上海', '--user', '张三', ...joinArgs)).code).toBe(
      0,
    );
    const fromSh = JSON.parse(
      (await cli('sh', 'export', '--out', cliDir, '--for', '本部', '--json')).stdout,
    ) as { file: string };
    expect((await cli('hq', 'import', fromSh.file)).code).toBe(0);

    const rekey = await cli('hq', 'zone', 'rekey', '--json');
    expect(rekey.code).toBe(0);
    expect(JSON.parse(rekey.stdout)).toEqual({ epoch: 1, laptops: 2, waiting: [] });
    const zone = JSON.parse((await cli('hq', 'zone', '--json')).stdout) as ZoneStatus;
    expect(zone.epoch).toBe(1);
    expect((await cli('hq', 'zone')).stdout).toContain('文件密钥第 1 代');
    const text = await cli('hq', 'zone', 'rekey');
    expect(text.stdout).toContain('已更换文件密钥：第 2 代');

    const notHq = await cli('sh', 'zone', 'rekey', '--json');
    expect(notHq.code).toBe(1);
    expect(notHq.stderr).toContain(errorMessages.ZONE_NOT_HQ);
    expect(JSON.parse(notHq.stdout)).toMatchObject({ ok: false, code: 'ZONE_NOT_HQ' });

    // 本部's next file brings 上海 the newest key.
    const toSh = JSON.parse(
      (await cli('hq', 'export', '--out', cliDir, '--for', '上海', '--json')).stdout,
    ) as { file: string };
    expect((await cli('sh', 'import', toSh.file)).code).toBe(0);
    const atSh = JSON.parse((await cli('sh', 'zone', '--json')).stdout) as ZoneStatus;
    expect(atSh.epoch).toBe(2);
  });
});
