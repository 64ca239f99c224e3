// The CLI's zone commands (issue 14) for administrators' scripts: `zone --json` (the zone, its
// offices, their laptops' keys and state, the file key epoch), `zone invite`, `zone revoke` and
// `zone rekey` at 本部, `zone create` for a 本部 database initialised before zones, and
// `init --join` for an office's laptop.
import type { SyncImportReport, ZoneRekeyResult, ZoneStatus } from '../domain/sync';
import { CliUserError } from './cli-error';
import type { CommandContext, Values } from './cli-error';
import { passphraseFrom } from './sync-commands';

export const zoneUsage = `  init --office 上海 --user 张三 --join 邀请文件 --passphrase-env 变量名 [--snapshot 快照文件]
                                           加入本部发来的分区（同时导入邀请中的数据，或载入快照）后初始化
  snapshot --out 文件                      本部：制作快照（分区当前的全部数据），新电脑凭它加入而不必重放每条变更
  zone [--json]                            本机所在分区：各驻点的电脑、公钥与状态
  zone create --name 分区名称              本部：为初始化于分区之前的数据库创建分区
  zone invite --out 文件 --passphrase-env 变量名 [--office 上海] [--hq] [--without-data]
                                           本部：制作分区邀请（口令另行电话告知；--hq 为更换本部电脑）
  zone revoke 站点编号                     本部：吊销丢失的电脑，其后续变更一律拒收
  zone rekey [--json]                      本部：吊销后更换文件密钥，新密钥随同步文件传给未吊销的电脑`;

export const zoneOptions = {
  join: { type: 'string' },
  snapshot: { type: 'string' },
  name: { type: 'string' },
  hq: { type: 'boolean' },
  'without-data': { type: 'boolean' },
} as const;

/** The passphrase an invitation needs, from the variable --passphrase-env names. */
function secretFrom(values: Values): string {
  const value = passphraseFrom(values);
  if (value === undefined) throw new CliUserError('缺少 --passphrase-env 参数');
  return value;
}

function describeZone(zone: ZoneStatus): string {
  const lines = [`分区「${zone.name}」 ${zone.zoneId}（${zone.kind}） 文件密钥第 ${zone.epoch} 代`];
  for (const office of zone.offices) {
    for (const l of office.laptops) {
      const state = { active: '有效', revoked: '已吊销', unverified: '未验证' }[l.state];
      lines.push(
        `${office.office}\t${l.siteId}\t${l.role === 'hq' ? '本部' : '驻点'}\t${state}${l.thisLaptop ? '\t本机' : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * Joins with the invitation (without its data when a snapshot follows). A laptop that joined but
 * whose snapshot was refused may run the same command again: it is already in the zone.
 */
async function joinOrResume(
  cx: CommandContext,
  invitation: string,
  snapshot: string | undefined,
): Promise<{ zone: ZoneStatus; imported: SyncImportReport | null }> {
  const input = { file: invitation, passphrase: secretFrom(cx.values) };
  try {
    return await cx.call('zone.join', snapshot ? { ...input, skipData: true } : input);
  } catch (error) {
    if (!(snapshot && error instanceof CliUserError && error.code === 'ZONE_ALREADY_JOINED')) {
      throw error;
    }
    return { zone: await cx.call<ZoneStatus>('zone.status'), imported: null };
  }
}

/** The snapshot into a laptop that has just joined: a refusal says the join itself stands. */
async function loadAfterJoin(cx: CommandContext, file: string): Promise<SyncImportReport> {
  try {
    return await cx.call<SyncImportReport>('sync.loadSnapshot', { file });
  } catch (error) {
    if (!(error instanceof CliUserError)) throw error;
    throw new CliUserError(
      `${error.message.replace(/；数据库未改动$/, '')}\n本机已加入分区，但还没有数据：换一个完好的快照文件后，再运行同一条命令即可。`,
      error.code,
    );
  }
}

/** Runs a zone command; false when `command` is not one. */
export async function runZoneCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  const { call, print, values } = cx;

  if (command === 'init' && typeof values.join === 'string') {
    const snapshot = typeof values.snapshot === 'string' ? values.snapshot : undefined;
    const joined = await joinOrResume(cx, values.join, snapshot);
    const loaded = snapshot ? await loadAfterJoin(cx, snapshot) : null;
    const status = await call('app.init', { office: values.office, user: values.user });
    print({ ...(status as object), zone: joined.zone, imported: loaded ?? joined.imported }, () =>
      [
        `已加入分区「${joined.zone.name}」并初始化：${String(values.office)} ${String(values.user)}`,
        joined.imported ? `邀请中的数据：${joined.imported.message}` : '',
        loaded ? loaded.message : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return true;
  }
  if (command === 'snapshot') {
    if (typeof values.out !== 'string') throw new CliUserError('缺少 --out 参数');
    const made = await call<{ file: string; changes: number; bytes: number }>('sync.snapshot', {
      out: values.out,
    });
    print(
      made,
      () =>
        `已制作快照：${made.file}（${made.changes.toLocaleString('zh-CN')} 条变更，${(made.bytes / 1e6).toFixed(1)} MB）`,
    );
    return true;
  }
  if (command !== 'zone') return false;
  const [sub, siteId] = args;
  switch (sub) {
    case undefined: {
      const zone = await call<ZoneStatus>('zone.status');
      print(zone, () => describeZone(zone));
      return true;
    }
    case 'create': {
      const zone = await call<ZoneStatus>('zone.create', { name: values.name });
      print(zone, () => `已创建分区「${zone.name}」 ${zone.zoneId}`);
      return true;
    }
    case 'invite': {
      if (typeof values.out !== 'string') throw new CliUserError('缺少 --out 参数');
      const made = await call<{ file: string; withData: boolean }>('zone.invite', {
        out: values.out,
        passphrase: secretFrom(values),
        hq: values.hq === true,
        withoutData: values['without-data'] === true,
        ...(typeof values.office === 'string' ? { office: values.office } : {}),
      });
      print(made, () => `已制作分区邀请：${made.file}${made.withData ? '（含数据）' : ''}`);
      return true;
    }
    case 'revoke': {
      if (!siteId) throw new CliUserError('缺少要吊销的站点编号');
      const zone = await call<ZoneStatus>('zone.revoke', { siteId });
      print(zone, () => `已吊销 ${siteId}\n${describeZone(zone)}`);
      return true;
    }
    case 'rekey': {
      const done = await call<ZoneRekeyResult>('zone.rekey');
      print(done, () =>
        [
          `已更换文件密钥：第 ${done.epoch} 代，已为 ${done.laptops} 台电脑封装；随本部下次发出的同步文件传到各驻点`,
          done.waiting.length
            ? `尚待本部收到其新版本同步文件后补发：${done.waiting.join('、')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return true;
    }
    default:
      throw new CliUserError(`未知的 zone 子命令：${sub}`);
  }
}
