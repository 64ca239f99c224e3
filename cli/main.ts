// The contract from a terminal, for HQ administrators, scripts and tests:
//   npm run cli -- [--db PATH] <command> ...   (see `help`)
// Errors print the Chinese message on stderr and exit non-zero; nothing is written.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openAppDatabase } from '../db/app-database';
import type { AppDatabase } from '../db/app-database';
import { dispatchSync } from '../db/dispatcher';
import type { ApiResult } from '../domain/errors';
import { errorMessages } from '../domain/errors';
import { runSyncCommand, syncOptions, syncUsage } from './sync-commands';
import type { Dashboard } from '../domain/dashboard';
import { dashboardText } from './dashboard-text';
import { ledgerOptions, ledgerUsage, runLedgerCommand } from './ledger-commands';
import { CliUserError, commandContext, intOption } from './cli-error';
import type { CommandContext, Values } from './cli-error';
import { runZoneCommand, zoneOptions, zoneUsage } from './zone-commands';
import { callOptions, callUsage, checkMethod, listMethods, runCall } from './call-command';
import { recordOptions, recordUsage, runRecordCommand } from './record-commands';
import { mergeOptions, mergeUsage, runMergeCommand } from './merge-commands';
import { claimUsage, runClaimCommand } from './claim-commands';

const usage = `用法: npm run cli -- [--db 数据库文件] <命令>
  init --office 上海 --user 张三            初始化数据库（字典与 2021 年目标）；本部创建分区 [--name 分区名称]
  demo --projects N --seed S               生成演示数据
  project add --json '{...}'               新增项目（可用 investorId 指定投资方），输出项目编号 id
  project update ID --json '{...}'         修改项目
  project delete ID                        删除项目
  project get ID --json                    查看项目
  project list --json [--region --tier --stage --office --year --q]
  targets --year 2021 --json               年度目标
  dashboard --year 2021 [--as-of 2021-06-30] [--office 上海] --json   看板
${recordUsage}
${mergeUsage}
${claimUsage}
${zoneUsage}
${ledgerUsage}
${syncUsage}
${callUsage}`;

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new CliUserError(result.message, result.code);
  return result.data;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) throw new CliUserError('缺少 --json 参数');
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUserError(errorMessages.BAD_JSON, 'BAD_JSON');
  }
}

/** Whether `--json` carries a payload (project add/update) rather than asking for JSON output. */
function hasJsonPayload(argv: string[]): boolean {
  const next = argv[argv.indexOf('--json') + 1];
  return next !== undefined && !next.startsWith('--');
}

/** `--json` is an output flag, except for add/update where it carries the payload. */
function splitJsonFlag(argv: string[]): { args: string[]; json: boolean } {
  const i = argv.indexOf('--json');
  const next = argv[i + 1];
  if (i >= 0 && (next === undefined || next.startsWith('--'))) {
    return { args: argv.filter((_, j) => j !== i), json: true };
  }
  return { args: argv, json: i >= 0 };
}

/** Whether a failure also prints {ok: false, code, message} on stdout: --json output, or `call`. */
let jsonErrors =
  splitJsonFlag(process.argv.slice(2)).json && !hasJsonPayload(process.argv.slice(2));

async function main(argv: string[]): Promise<void> {
  const { args, json: jsonOutput } = splitJsonFlag(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'string' },
        office: { type: 'string' },
        user: { type: 'string' },
        projects: { type: 'string' },
        seed: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        region: { type: 'string' },
        tier: { type: 'string' },
        stage: { type: 'string' },
        q: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...syncOptions,
        ...zoneOptions,
        ...ledgerOptions,
        ...callOptions,
        ...recordOptions,
        ...mergeOptions,
      },
    });
  } catch (error) {
    throw new CliUserError(`参数错误：${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const [command, sub, id] = positionals;
  if (!command || values.help || command === 'help') {
    console.log(usage);
    return;
  }
  let call: { method: string; input: unknown } | undefined;
  if (command === 'call') {
    jsonErrors = true;
    if (values.list) return listMethods(jsonOutput);
    const method = checkMethod(sub);
    call = { method, input: typeof values.json === 'string' ? parseJson(values.json) : undefined };
  }
  const file = resolve(values.db ?? process.env.CRM_DB ?? 'zhaoshang.sqlite');
  const creates = command === 'init' || (command === 'call' && sub === 'app.init');
  if (!creates && !existsSync(file)) {
    throw new CliUserError(`数据库文件不存在：${file}\n请先运行 init，或用 --db 指定已有的数据库`);
  }
  const app = await openAppDatabase(file);
  try {
    if (call) return await runCall(app, call.method, call.input);
    const cx = commandContext(app, values, jsonOutput);
    const args = positionals.slice(1);
    const handled =
      (await runZoneCommand(cx, command, args)) ||
      (await runSyncCommand(cx, command, args)) ||
      (await runLedgerCommand(cx, command, args)) ||
      (await runRecordCommand(cx, command, args)) ||
      (await runMergeCommand(cx, command, args)) ||
      (await runClaimCommand(cx, command, args));
    if (!handled) run(app, cx, command, sub, id);
  } finally {
    app.close();
  }
}

const DEFAULT_ZONE_NAME = '经开区招商';
const isHq = (office: unknown) => office === '本部' || office === 'hq';

/** The commands answered synchronously (dispatchSync): init, demo, targets, dashboard, project. */
function run(
  app: AppDatabase,
  cx: CommandContext,
  command: string,
  sub: string | undefined,
  id: string | undefined,
) {
  const { values, json, print } = cx;
  const call = (method: string, input?: unknown) => unwrap(dispatchSync(app, method, input));
  const int = (name: string) => intOption(values, name, /^-?\d+$/);

  switch (command) {
    case 'init': {
      const status = call('app.init', {
        office: values.office,
        user: values.user,
        // 本部's init creates the zone (docs/sync.md Z1).
        ...(isHq(values.office)
          ? { zoneName: typeof values.name === 'string' ? values.name : DEFAULT_ZONE_NAME }
          : {}),
      });
      return print(status, () => `已初始化：${String(values.office)} ${String(values.user)}`);
    }
    case 'demo': {
      const result = call('app.demo', {
        projects: int('projects'),
        seed: values.seed ? int('seed') : 1,
      });
      return print(result, () => `已生成 ${(result as { projects: number }).projects} 个演示项目`);
    }
    case 'targets': {
      const targets = call('target.list', { year: int('year') }) as Record<string, unknown>[];
      const out = targets.map(({ key, label, year, scope, guarantee, strive, unit, mode }) => ({
        key,
        label,
        year,
        scope,
        guarantee,
        strive,
        unit,
        mode,
      }));
      return print(out, () =>
        out
          .map(
            (t) =>
              `${String(t.label)}\t确保 ${String(t.guarantee ?? '—')}\t力争 ${String(t.strive ?? '—')}\t${String(t.unit)}`,
          )
          .join('\n'),
      );
    }
    case 'dashboard': {
      const input: Record<string, unknown> = { year: int('year'), withProjects: true };
      if (values['as-of'] !== undefined) input.asOf = values['as-of'];
      if (values.office !== undefined) input.office = values.office;
      const board = call('dashboard.get', input) as Dashboard;
      return print(board, () => dashboardText(board));
    }
    case 'project':
      return runProject(call, sub, id, values, json);
    default:
      throw new CliUserError(`未知命令：${command}\n${usage}`);
  }
}

function runProject(
  call: (method: string, input?: unknown) => unknown,
  sub: string | undefined,
  id: string | undefined,
  values: Values,
  json: boolean,
) {
  const needId = () => {
    if (!id) throw new CliUserError('缺少项目 ID');
    return id;
  };
  const payload = () => parseJson(typeof values.json === 'string' ? values.json : undefined);
  switch (sub) {
    case 'add': {
      const project = call('project.create', payload()) as { id: string };
      return console.log(project.id);
    }
    case 'update': {
      const project = call('project.update', { id: needId(), patch: payload() });
      return console.log(JSON.stringify(project, null, 2));
    }
    case 'delete':
      call('project.delete', { id: needId() });
      return console.log(`已删除 ${needId()}`);
    case 'get':
      return console.log(JSON.stringify(call('project.get', { id: needId() }), null, 2));
    case 'list': {
      const filter = {
        ...(values.region ? { region: String(values.region) } : {}),
        ...(values.tier ? { tier: String(values.tier) } : {}),
        ...(values.stage ? { stage: String(values.stage) } : {}),
        ...(values.office ? { office: String(values.office) } : {}),
        ...(values.year ? { signingYear: Number(values.year) } : {}),
        ...(values.q ? { q: String(values.q) } : {}),
      };
      const rows: unknown[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = call('ledger.query', { ...filter, offset, limit: 1000 }) as {
          rows: unknown[];
        };
        rows.push(...page.rows);
        if (page.rows.length < 1000) break;
      }
      return console.log(
        json ? JSON.stringify(rows, null, 2) : rows.map((r) => JSON.stringify(r)).join('\n'),
      );
    }
    default:
      throw new CliUserError(`未知的 project 子命令：${sub ?? ''}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof CliUserError ? error.message : errorMessages.INTERNAL;
  process.stderr.write(`${message}\n`);
  // Scripts read a refusal's code from --json output.
  if (jsonErrors) {
    const code = error instanceof CliUserError ? (error.code ?? 'USAGE') : 'INTERNAL';
    console.log(JSON.stringify({ ok: false, code, message }, null, 2));
  }
  if (!(error instanceof CliUserError)) console.error(error);
  process.exitCode = 1;
});
