// The sync commands of the bundled CLI, as an HQ administrator's script would use them: export for
// a peer, import with a JSON report, repeat imports, dump, peers, site, conflicts, and errors that
// exit non-zero with the Chinese message on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { buildCli, runCli } from './cli-bundle';

let bundle: string;
let dir: string;
const db = (name: string) => join(dir, `${name}.sqlite`);
const cli = (name: string, ...args: string[]) => runCli(bundle, ['--db', db(name), ...args]);

beforeAll(async () => {
  bundle = buildCli('cli-sync');
  dir = tempDir('zs-cli-sync-');
  // 本部 creates the zone at init and invites 上海, which joins with the passphrase.
  expect((await cli('hq', 'init', '--office', '本部', '--user', '李四')).code).toBe(0);
  process.env.ZS_TEST_INVITE = '电话告知的邀请口令';
  const invitation = join(dir, 'shanghai.zsinvite');
  const invite = ['zone', 'invite', '--out', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
  expect((await cli('hq', ...invite)).code).toBe(0);
  const join_ = ['--join', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
  expect((await cli('sh', 'init', '--office', '上海', '--user', '张三', ...join_)).code).toBe(0);
}, 60_000);

describe('cli sync commands', { timeout: 120_000 }, () => {
  test('export --for, import --json (report), repeat import, dump, peers, site', async () => {
    const add = await cli(
      'sh',
      'project',
      'add',
      '--json',
      JSON.stringify({ name: '博世新能源', country: 'DE' }),
    );
    expect(add.code).toBe(0);
    const out = await cli('sh', 'export', '--out', dir, '--for', '本部', '--json');
    expect(out.code).toBe(0);
    const exported = JSON.parse(out.stdout) as { file: string; changes: number };
    expect(exported.file).toMatch(/上海-to-本部-\d{8}-\d{4}\.zsync$/);

    const imported = await cli('hq', 'import', exported.file, '--json');
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      new: exported.changes,
      skipped: 0,
      conflicts: 0,
      orphans: 0,
      warnings: [],
    });
    const again = await cli('hq', 'import', exported.file);
    expect(again.stdout).toContain('该文件已导入过，0 条新变更');

    const dumpOf = async (name: string) =>
      JSON.parse((await cli(name, 'dump', '--json')).stdout) as Record<string, unknown[]>;
    expect((await dumpOf('hq')).project).toEqual((await dumpOf('sh')).project);
    const peers = JSON.parse((await cli('hq', 'peers', '--json')).stdout) as {
      office: string;
      lacking: number;
    }[];
    expect(peers).toMatchObject([{ office: '上海' }]);
    const site = JSON.parse((await cli('hq', 'site', '--json')).stdout) as {
      office: string;
      siteId: string;
    };
    expect(site.office).toBe('本部');
    expect(site.siteId).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse((await cli('hq', 'conflicts', '--json')).stdout)).toEqual([]);
  });

  test('a conflict listed and resolved from the terminal', async () => {
    const id = (
      await cli('sh', 'project', 'add', '--json', JSON.stringify({ name: '共同项目' }))
    ).stdout.trim();
    const first = JSON.parse(
      (await cli('sh', 'export', '--out', dir, '--full', '--json')).stdout,
    ) as { file: string };
    await cli('hq', 'import', first.file);
    await cli('sh', 'project', 'update', id, '--json', JSON.stringify({ name: '上海改名' }));
    await cli('hq', 'project', 'update', id, '--json', JSON.stringify({ name: '本部改名' }));
    const toHq = JSON.parse(
      (await cli('sh', 'export', '--out', dir, '--for', '本部', '--json')).stdout,
    ) as { file: string };
    await cli('hq', 'import', toHq.file);
    const conflicts = JSON.parse((await cli('hq', 'conflicts', '--json')).stdout) as {
      id: string;
      a: { value: string };
    }[];
    expect(conflicts).toHaveLength(1);
    const choose = conflicts[0]!.a.value === '上海改名' ? 'a' : 'b';
    const resolved = await cli('hq', 'resolve', conflicts[0]!.id, '--choose', choose, '--json');
    expect(resolved.code).toBe(0);
    expect(JSON.parse(resolved.stdout)).toMatchObject({ resolved: true, current: '上海改名' });
  });

  test('imports --json lists what each import can undo; import undo ID undoes one', async () => {
    const id = (
      await cli('sh', 'project', 'add', '--json', JSON.stringify({ name: '待撤销的项目' }))
    ).stdout.trim();
    const file = (
      JSON.parse((await cli('sh', 'export', '--out', dir, '--for', '本部', '--json')).stdout) as {
        file: string;
      }
    ).file;
    const imported = JSON.parse((await cli('hq', 'import', file, '--json')).stdout) as {
      new: number;
      safetyNetBytes: number;
      fileBytes: number;
      phasesMs: Record<string, number>;
    };
    expect(imported.safetyNetBytes).toBeGreaterThan(0);
    expect(imported.safetyNetBytes).toBeLessThan(imported.fileBytes);
    expect(Object.keys(imported.phasesMs)).toEqual(expect.arrayContaining(['read', 'write']));

    const imports = JSON.parse((await cli('hq', 'imports', '--json')).stdout) as {
      id: number;
      file: string;
      new: number;
      fileBytes: number;
      safetyNetBytes: number;
      undoable: boolean;
      undoneAt: string | null;
    }[];
    const newest = imports[0]!;
    expect(newest).toMatchObject({ file, new: imported.new, undoable: true, undoneAt: null });
    expect(newest.fileBytes).toBeGreaterThan(0);
    expect((await cli('hq', 'project', 'get', id, '--json')).code).toBe(0);

    const undone = await cli('hq', 'import', 'undo', String(newest.id), '--json');
    expect(undone.code).toBe(0);
    expect(JSON.parse(undone.stdout)).toMatchObject({ id: newest.id, changes: imported.new });
    expect((await cli('hq', 'project', 'get', id, '--json')).code).toBe(1);
    const after = JSON.parse((await cli('hq', 'imports', '--json')).stdout) as typeof imports;
    expect(after[0]).toMatchObject({
      id: newest.id,
      undoable: false,
      undoneAt: expect.any(String),
    });

    const twice = await cli('hq', 'import', 'undo', String(newest.id));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('这次导入已经撤销过');
    for (const id of ['abc', '0x1', '1e0', ' 1', '01']) {
      const bad = await cli('hq', 'import', 'undo', id);
      expect(bad.code, id).toBe(1);
      expect(bad.stderr, id).toContain('导入记录编号无效');
    }
    const missing = await cli('hq', 'import', 'undo');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('用法：import undo 编号');
    // The file brings its changes again.
    expect(JSON.parse((await cli('hq', 'import', file, '--json')).stdout)).toMatchObject({
      alreadyImported: false,
      new: imported.new,
    });
  });

  test('errors exit non-zero with the Chinese message: truncated file, wrong passphrase, bad options', async () => {
    const enc = join(dir, 'enc.zsync');
    const made = await runCli(
      bundle,
      ['--db', db('sh'), 'export', '--out', enc, '--full', '--passphrase-env', 'ZS_PASS'],
      { ZS_PASS: '口令甲' },
    );
    expect(made.code).toBe(0);
    const wrong = await runCli(
      bundle,
      ['--db', db('hq'), 'import', enc, '--passphrase-env', 'ZS_PASS'],
      { ZS_PASS: '口令乙' },
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('口令错误');
    const missing = await cli('hq', 'import', enc);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('该同步文件已加密，请输入口令');
    const right = await runCli(
      bundle,
      ['--db', db('hq'), 'import', enc, '--passphrase-env', 'ZS_PASS'],
      { ZS_PASS: '口令甲' },
    );
    expect(right.code).toBe(0);

    const cut = join(dir, 'cut.zsync');
    const bytes = readFileSync(enc);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const truncated = await cli('hq', 'import', cut);
    expect(truncated.code).not.toBe(0);
    expect(truncated.stderr).toContain('同步文件不完整');

    const both = await cli('hq', 'export', '--out', dir, '--for', '上海', '--full');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('--for 与 --full 只能选一个');
    const unknown = await cli('hq', 'export', '--out', dir, '--for', '火星');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('未知的同步对象');
  });

  test('zone --json lists offices with keys and state; zone revoke at 本部; refusals give codes', async () => {
    type Zone = {
      zoneId: string;
      name: string;
      offices: {
        office: string;
        laptops: { siteId: string; publicKey: string; state: string }[];
      }[];
    };
    const zoneOf = async (name: string) =>
      JSON.parse((await cli(name, 'zone', '--json')).stdout) as Zone;
    const atHq = await zoneOf('hq');
    expect(atHq.zoneId).toMatch(/^[0-9a-f]{32}$/);
    expect((await zoneOf('sh')).zoneId).toBe(atHq.zoneId);
    // 本部 knows 上海's laptop once a file from it arrived (the first test imported one).
    const shSite = (JSON.parse((await cli('sh', 'site', '--json')).stdout) as { siteId: string })
      .siteId;
    const shanghai = atHq.offices.find((o) => o.office === '上海')!;
    expect(shanghai.laptops).toMatchObject([
      { siteId: shSite, publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: 'active' },
    ]);

    // An office laptop cannot invite or revoke: exit 1, the message on stderr, the code with --json.
    const notHq = await cli('sh', 'zone', 'revoke', shSite, '--json');
    expect(notHq.code).toBe(1);
    expect(notHq.stderr).toContain('只有本部的电脑可以执行此操作');
    expect(JSON.parse(notHq.stdout)).toMatchObject({ ok: false, code: 'ZONE_NOT_HQ' });

    // A file of another zone is refused with its code.
    expect((await cli('other', 'init', '--office', '本部', '--user', '赵六')).code).toBe(0);
    const foreign = JSON.parse(
      (await cli('other', 'export', '--out', dir, '--full', '--json')).stdout,
    ) as { file: string };
    const refused = await cli('hq', 'import', foreign.file, '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('文件来自另一个分区');
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'ZONE_MISMATCH' });

    const revoked = await cli('hq', 'zone', 'revoke', shSite, '--json');
    expect(revoked.code).toBe(0);
    const after = JSON.parse(revoked.stdout) as Zone;
    expect(after.offices.find((o) => o.office === '上海')!.laptops[0]).toMatchObject({
      siteId: shSite,
      state: 'revoked',
    });
    // A file from the revoked laptop is refused at 本部.
    const late = JSON.parse(
      (await cli('sh', 'export', '--out', dir, '--for', '本部', '--json')).stdout,
    ) as { file: string };
    const fromRevoked = await cli('hq', 'import', late.file, '--json');
    expect(fromRevoked.code).toBe(1);
    expect(JSON.parse(fromRevoked.stdout)).toMatchObject({ code: 'FILE_UNAUTHENTICATED' });
  });
});
