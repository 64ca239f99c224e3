// `snapshot --out` at 本部 and `init … --join … --snapshot` on a new laptop (docs/sync.md S22), with
// the bundled CLI on real files: the new laptop holds 本部's data and then syncs by ordinary files;
// a refused snapshot exits non-zero with the Chinese message, and the same command may be rerun.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { buildCli, runCli } from '../sync/cli-bundle';

let bundle: string;
let dir: string;
const db = (name: string) => join(dir, `${name}.sqlite`);
const cli = (name: string, ...args: string[]) => runCli(bundle, ['--db', db(name), ...args]);

/** The project names a laptop holds, from `dump --json`. */
async function projectNames(name: string): Promise<string[]> {
  const out = await cli(name, 'dump', '--json');
  expect(out.code).toBe(0);
  const dump = JSON.parse(out.stdout) as { project?: { name: string }[] };
  return (dump.project ?? []).map((p) => p.name).sort();
}

beforeAll(async () => {
  bundle = buildCli('snapshot-cli');
  dir = tempDir('zs-cli-snapshot-');
  expect((await cli('hq', 'init', '--office', '本部', '--user', '李四')).code).toBe(0);
  process.env.ZS_TEST_INVITE = '电话告知的邀请口令';
}, 60_000);

describe('cli snapshot', { timeout: 120_000 }, () => {
  test('snapshot --out at 本部; init --join --snapshot; then ordinary files', async () => {
    const add = [
      'project',
      'add',
      '--json',
      JSON.stringify({ name: '快照里的项目', country: 'DE' }),
    ];
    expect((await cli('hq', ...add)).code).toBe(0);
    const snapshot = join(dir, 'zone.zsync');
    const made = await cli('hq', 'snapshot', '--out', snapshot, '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ file: snapshot });
    expect((await cli('hq', 'snapshot', '--out', join(dir, 'text.zsync'))).stdout).toContain(
      '已制作快照',
    );

    const invitation = join(dir, 'beijing.zsinvite');
    const invite = ['zone', 'invite', '--out', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
    expect((await cli('hq', ...invite, '--office', '北京')).code).toBe(0);
    const join_ = ['--join', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
    const init = ['init', '--office', '北京', '--user', '王五', ...join_];

    // A damaged snapshot: refused with its message, and the same command works once it is whole.
    const damaged = join(dir, 'damaged.zsync');
    const bytes = readFileSync(snapshot);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length >> 1]! ^= 1;
    writeFileSync(damaged, flipped);
    const refused = await cli('bj', ...init, '--snapshot', damaged);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('同步文件已损坏');
    expect(refused.stderr).not.toContain('数据库未改动');
    expect(refused.stderr).toContain('本机已加入分区，但还没有数据');

    const joined = await cli('bj', ...init, '--snapshot', snapshot, '--json');
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    const report = JSON.parse(joined.stdout) as { imported: { message: string; new: number } };
    expect(report.imported.message).toContain('已载入快照');
    expect(await projectNames('bj')).toEqual(await projectNames('hq'));
    expect(await projectNames('bj')).toContain('快照里的项目');

    // Ordinary files from here on, both ways.
    const more = [
      'project',
      'add',
      '--json',
      JSON.stringify({ name: '北京的新项目', country: 'JP' }),
    ];
    expect((await cli('bj', ...more)).code).toBe(0);
    const out = await cli('bj', 'export', '--out', dir, '--for', '本部', '--json');
    expect(out.code).toBe(0);
    const file = (JSON.parse(out.stdout) as { file: string }).file;
    expect((await cli('hq', 'import', file)).code).toBe(0);
    expect(await projectNames('hq')).toContain('北京的新项目');

    // A laptop with data of its own cannot load one.
    const again = await cli(
      'hq',
      'call',
      'sync.loadSnapshot',
      '--json',
      JSON.stringify({ file: snapshot }),
    );
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toContain('已有数据');
  });
});
