// The CLI's sync commands (docs/sync.md, issue 5): export, import, dump, peers, conflicts, resolve, site.
// Each is one call of the sync.* API, so a script can merge a folder of files exactly as the app does.
import type {
  ImportUndoReport,
  SyncConflict,
  SyncExportResult,
  SyncImportReport,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
} from '../domain/sync';
import type { CompactionReport } from '../domain/compaction';
import { CliUserError } from './cli-error';
import type { CommandContext, Values } from './cli-error';

export const syncUsage = `  export --out 文件或目录 [--for 驻点或站点 | --full] [--passphrase-env 变量名]
                                           导出同步文件（目录则按 上海-to-本部-日期-时间.zsync 命名）
  import 文件... [--passphrase-env 变量名] [--json]
                                           导入同步文件，报告新增、跳过、冲突、缺上级、警告
  imports --json                           导入记录：编号、文件大小、新增变更、撤销记录占用、能否撤销
  import undo 编号 [--json]                撤销一次导入（最近 10 次之一）：移除它带来的变更，保留之后的修改
  dump --json                              同步表的全部内容（规范顺序，便于比较两台电脑）
  peers --json                             同步对象：最近收发的文件、对方尚缺的变更数
  conflicts --json [--all]                 待处理的冲突（--all 含已处理）
  resolve 冲突编号 --choose a|b            处理冲突：保留 a 或 b 的值
  site --json                              本机站点编号、驻点与版本向量
  reset-peer 站点编号                      忘记对方已有的数据：下次导出给它全部变更
  compact [--json] [--exclude 站点编号或驻点,...]
                                           压缩变更日志：移出各方都已收到且已被后来修改取代的变更；
                                           久未来文件的对象须用 --exclude 点名排除，否则它缺的都保留`;

export const syncOptions = {
  out: { type: 'string' },
  for: { type: 'string' },
  full: { type: 'boolean' },
  'passphrase-env': { type: 'string' },
  choose: { type: 'string' },
  all: { type: 'boolean' },
  exclude: { type: 'string' },
} as const;

export function passphraseFrom(values: Values): string | undefined {
  const name = values['passphrase-env'];
  if (typeof name !== 'string') return undefined;
  const value = process.env[name];
  if (!value) throw new CliUserError(`环境变量 ${name} 未设置口令`);
  return value;
}

/** Runs a sync command; false when `command` is not one. */
export async function runSyncCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  const { call, print, values, json } = cx;

  switch (command) {
    case 'export': {
      if (typeof values.out !== 'string') throw new CliUserError('缺少 --out 参数');
      if (values.for !== undefined && values.full) {
        throw new CliUserError('--for 与 --full 只能选一个');
      }
      const result = await call<SyncExportResult>('sync.export', {
        out: values.out,
        ...(typeof values.for === 'string' ? { for: values.for } : { full: true }),
        passphrase: passphraseFrom(values),
      });
      print(
        result,
        () =>
          `已导出 ${result.changes} 条变更到 ${result.file}${result.encrypted ? '（已加密）' : ''}`,
      );
      return true;
    }
    case 'import': {
      if (args[0] === 'undo') {
        if (args.length !== 2)
          throw new CliUserError('用法：import undo 编号（见 imports 列出的编号）');
        const id = /^[1-9][0-9]{0,15}$/.test(args[1]!) ? Number(args[1]) : NaN;
        if (!Number.isSafeInteger(id)) {
          throw new CliUserError(`导入记录编号无效：${args[1]}（见 imports 列出的编号）`);
        }
        const undone = await call<ImportUndoReport>('sync.undoImport', { id });
        print(undone, () => undone.message);
        return true;
      }
      if (args.length === 0) throw new CliUserError('缺少要导入的文件');
      const passphrase = passphraseFrom(values);
      const reports: SyncImportReport[] = [];
      for (const file of args) {
        const report = await call<SyncImportReport>('sync.import', { file, passphrase });
        reports.push(report);
        if (!json) {
          console.log(`${file}：${report.message}`);
          for (const w of report.warnings) console.log(`  警告：${w}`);
        }
      }
      if (json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
      return true;
    }
    case 'imports': {
      const log = await call<SyncLogEntry[]>('sync.log');
      print(log, () =>
        log
          .map((e) => {
            const state = e.undoneAt ? `已撤销 ${e.undoneAt}` : e.undoable ? '可撤销' : '—';
            return `${e.id}\t${e.importedAt}\t${e.from.office ?? e.from.siteId}\t新增 ${e.new}\t${state}\t${e.file}`;
          })
          .join('\n'),
      );
      return true;
    }
    case 'compact': {
      const exclude =
        typeof values.exclude === 'string'
          ? values.exclude
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined;
      const report = await call<CompactionReport>('sync.compact', exclude ? { exclude } : {});
      print(report, () =>
        [
          report.message,
          ...report.silent.map(
            (p) =>
              `  久未来文件：${p.office ?? '—'}${p.invitation ? '的邀请（尚无电脑用它加入）' : ''} ${p.siteId}（最近收到 ${p.lastIn ?? '从未'}，尚缺 ${p.lacking} 条）${report.excluded.includes(p.siteId) ? '，已排除' : ''}`,
          ),
        ].join('\n'),
      );
      return true;
    }
    case 'dump':
      console.log(JSON.stringify(await call('sync.dump'), null, json ? 2 : undefined));
      return true;
    case 'peers': {
      const peers = await call<SyncPeer[]>('sync.peers');
      print(peers, () =>
        peers
          .map(
            (p) =>
              `${p.office ?? '—'}\t${p.siteId}\t收 ${p.lastIn?.at ?? '—'}\t发 ${p.lastOut?.at ?? '—'}\t尚缺 ${p.lacking}`,
          )
          .join('\n'),
      );
      return true;
    }
    case 'conflicts': {
      const conflicts = await call<SyncConflict[]>('sync.conflicts', { open: !values.all });
      print(conflicts, () =>
        conflicts
          .map(
            (c) =>
              `${c.id}\t${c.table}.${c.column}\t${c.rowLabel ?? c.rowId}\ta=${JSON.stringify(c.a.value)}（${c.a.office ?? c.a.origin}）\tb=${JSON.stringify(c.b.value)}（${c.b.office ?? c.b.origin}）`,
          )
          .join('\n'),
      );
      return true;
    }
    case 'resolve': {
      const [id] = args;
      if (!id) throw new CliUserError('缺少冲突编号');
      const resolved = await call<SyncConflict>('sync.resolve', { id, choose: values.choose });
      print(
        resolved,
        () => `已处理：${resolved.table}.${resolved.column} = ${JSON.stringify(resolved.current)}`,
      );
      return true;
    }
    case 'reset-peer': {
      const [siteId] = args;
      if (!siteId) throw new CliUserError('缺少站点编号');
      const peers = await call<SyncPeer[]>('sync.resetPeer', { siteId });
      print(peers, () => `已重置 ${siteId}：下次导出给它全部变更`);
      return true;
    }
    case 'site': {
      const site = await call<SyncSite>('sync.site');
      print(site, () => `${site.office ?? '—'}\t${site.siteId}\t${site.changes} 条变更`);
      return true;
    }
    default:
      return false;
  }
}
