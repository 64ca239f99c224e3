// The CLI's merge commands (issue 18), each one call of the record.* API:
//   merge investor|project|contact KEEP OTHER [--take name_zh,notes]   → what moved
//   unmerge ID                                                         → what came back
//   suspects [--kind investor|project|contact] [--limit N] --json     → the review list
import type { MergeResult, UnmergeResult } from '../domain/merge';
import { mergeKindLabels, mergeKinds } from '../domain/merge';
import type { MergeKind } from '../domain/merge';
import type { SuspectList } from '../domain/suspects';
import { suspectReasons } from '../domain/suspects';
import { CliUserError, intOption } from './cli-error';
import type { CommandContext } from './cli-error';

export const mergeOptions = { take: { type: 'string' }, kind: { type: 'string' } } as const;

export const mergeUsage = `  merge investor|project|contact 保留ID 并入ID [--take 字段,…] [--json]
                                           合并重复记录：并入的记录指向保留的记录，其下项目、联系人、跟进等随之归入
  unmerge ID [--json]                      撤销合并：被并入的记录及其下数据恢复原样
  suspects [--kind investor|project|contact] [--limit 200] --json
                                           疑似重复的记录（名称、别名、统一社会信用代码、项目代码、电话等相同）`;

const counts = (byTable: Record<string, number>) =>
  Object.entries(byTable)
    .map(([table, n]) => `${table} ${n}`)
    .join('，') || '无';

/** Runs merge or unmerge; false when `command` is neither. */
export async function runMergeCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  if (command === 'merge') {
    const [kind, keep, other] = args;
    if (!kind || !(mergeKinds as readonly string[]).includes(kind)) {
      throw new CliUserError(`合并的须为 ${mergeKinds.join('、')} 之一`);
    }
    if (!keep || !other) throw new CliUserError('缺少保留的记录 ID 或并入的记录 ID');
    const take = typeof cx.values.take === 'string' ? cx.values.take.split(',') : undefined;
    const result = await cx.call<MergeResult>('record.merge', {
      kind,
      keep,
      other,
      ...(take ? { take } : {}),
    });
    cx.print(
      result,
      () =>
        `已将${mergeKindLabels[kind as MergeKind]} ${other} 合并到 ${keep}；归入：${counts(result.moved)}`,
    );
    return true;
  }
  if (command === 'unmerge') {
    const [id] = args;
    if (!id) throw new CliUserError('缺少已合并的记录 ID');
    const result = await cx.call<UnmergeResult>('record.unmerge', { id });
    cx.print(
      result,
      () =>
        `已撤销合并：${mergeKindLabels[result.kind]} ${id} 不再并入 ${result.from}；恢复：${counts(result.restored)}`,
    );
    return true;
  }
  if (command === 'suspects') {
    const kind = cx.values.kind;
    if (kind !== undefined && !(mergeKinds as readonly unknown[]).includes(kind)) {
      throw new CliUserError(`--kind 须为 ${mergeKinds.join('、')} 之一`);
    }
    const limit = cx.values.limit !== undefined ? intOption(cx.values, 'limit') : undefined;
    const list = await cx.call<SuspectList>('suspects.list', {
      ...(kind ? { kind } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    cx.print(list, () =>
      list.suspects.length === 0
        ? '没有疑似重复的记录'
        : list.suspects
            .map(
              (s) =>
                `${mergeKindLabels[s.kind]}\t${s.a.id}\t${s.a.name}\t${s.b.id}\t${s.b.name}\t` +
                s.reasons.map((r) => suspectReasons[r]).join('；'),
            )
            .join('\n'),
    );
    return true;
  }
  return false;
}
