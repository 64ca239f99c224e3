// The bundled CLI's `compact [--json] [--exclude]` (docs/sync.md S19): the JSON report gives the
// changes and bytes before and after, what was archived and the laptops that held it back; the
// zone's 本部 laptop that never sent 上海 a file holds it back; excluding a laptop that is not
// silent exits non-zero with the Chinese message.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { CompactionReport } from '../../domain/compaction';
import { tempDir } from '../helpers';
import { buildCli, runCli } from './cli-bundle';

let bundle: string;
let dir: string;
const cli = (name: string, ...args: string[]) =>
  runCli(bundle, ['--db', join(dir, `${name}.sqlite`), ...args]);

beforeAll(async () => {
  bundle = buildCli('cli-compact');
  dir = tempDir('zs-cli-compact-');
  expect((await cli('hq', 'init', '--office', '本部', '--user', '李四')).code).toBe(0);
  process.env.ZS_TEST_INVITE = '电话告知的邀请口令';
  const invitation = join(dir, 'shanghai.zsinvite');
  const invite = ['zone', 'invite', '--out', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
  expect((await cli('hq', ...invite)).code).toBe(0);
  const join_ = ['--join', invitation, '--passphrase-env', 'ZS_TEST_INVITE'];
  expect((await cli('sh', 'init', '--office', '上海', '--user', '张三', ...join_)).code).toBe(0);
}, 60_000);

test(
  'compact --json reports counts, bytes and who held it back',
  { timeout: 120_000 },
  async () => {
    const run = await cli('sh', 'compact', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CompactionReport;
    expect(report.changesAfter).toBe(report.changesBefore);
    expect(report.archived).toBe(0);
    expect(report.bytesBefore).toBeGreaterThan(0);
    expect(report.bytesAfter).toBeGreaterThan(0);
    expect(report.heldBackBy.map((p) => p.office)).toEqual(['本部']);

    const text = await cli('sh', 'compact');
    expect(text.stdout).toContain('本部 尚缺的变更保留未动');

    const hq = report.heldBackBy[0]!.siteId;
    const refused = await cli('sh', 'compact', '--exclude', hq);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('只能排除久未来文件的同步对象');
  },
);
