// The CLI's investor and arrival commands (issue 17): each is one call of the investor.* /
// arrival.* API, so a script is held to the same rules as the window.
//   investor add --json '{"nameZh":…,"parent":…,"hqCountry":"DE","province":…,"city":…}'  → id
//   investor update ID --json '{…}'                                                → record
//   arrival add PROJECT_ID --json '{"date":"2021-05-10","amount":300000000,"currency":"CNY"}' → id
//   search TEXT [--limit N] --json   projects, investors and contacts, best first (search.all)
import { errorMessages } from '../domain/errors';
import type { SearchResults } from '../domain/search';
import { CliUserError, intOption } from './cli-error';
import type { CommandContext } from './cli-error';

export const recordOptions = { limit: { type: 'string' } } as const;

export const recordUsage = `  investor add --json '{"nameZh":…,"nameEn":…,"parent":…,"hqCountry":"DE","province":…,"city":…}'
                                           新增投资方（parent 为母公司编号或中文名称），输出编号 id
  investor update ID --json '{...}'        修改投资方
  arrival add 项目ID --json '{"date":"2021-05-10","amount":300000000,"currency":"CNY"}'
                                           新增到资记录（kind、outsideCity 不填时按项目及投资方判断），输出编号 id
  search 搜索词 [--limit 20] --json       搜索项目、投资方和联系人（编号/代码、名称、拼音或首字母），最相符的在前；最多 200 条`;

function payload(values: CommandContext['values']): Record<string, unknown> {
  const text = values.json;
  if (typeof text !== 'string') throw new CliUserError('缺少 --json 参数');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliUserError(errorMessages.BAD_JSON, 'BAD_JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliUserError('--json 须为一个 JSON 对象', 'VALIDATION');
  }
  return parsed as Record<string, unknown>;
}

/** Runs an investor or arrival command; false when `command` is not one. */
export async function runRecordCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  const [sub, id] = args;
  if (command === 'investor') {
    if (sub === 'add') {
      const investor = await cx.call<{ id: string }>('investor.create', payload(cx.values));
      console.log(investor.id);
    } else if (sub === 'update') {
      if (!id) throw new CliUserError('缺少投资方 ID');
      const patch = payload(cx.values);
      console.log(JSON.stringify(await cx.call('investor.update', { id, patch }), null, 2));
    } else {
      throw new CliUserError(`未知的 investor 子命令：${sub ?? ''}`);
    }
    return true;
  }
  if (command === 'search') {
    const q = args.join(' ');
    if (q.trim() === '') throw new CliUserError('缺少搜索词');
    const input = {
      q,
      ...(cx.values.limit !== undefined ? { limit: intOption(cx.values, 'limit') } : {}),
    };
    const found = await cx.call<SearchResults>('search.all', input);
    cx.print(found, () =>
      found.results
        .map((r) =>
          [
            kindLabels[r.kind],
            r.id,
            r.name,
            r.code ?? r.projectCode ?? r.creditCode ?? '',
            r.office ?? '',
          ]
            .filter((part) => part !== '')
            .join('\t'),
        )
        .join('\n'),
    );
    return true;
  }
  if (command === 'arrival') {
    if (sub !== 'add') throw new CliUserError(`未知的 arrival 子命令：${sub ?? ''}`);
    if (!id) throw new CliUserError('缺少项目 ID');
    // `date` is the script's name for 到资日期 (arrivedOn); the API checks every field.
    const { date, ...rest } = payload(cx.values);
    const input = { ...rest, projectId: id, ...(date !== undefined ? { arrivedOn: date } : {}) };
    const arrival = await cx.call<{ id: string }>('arrival.create', input);
    console.log(arrival.id);
    return true;
  }
  return false;
}

const kindLabels = { project: '项目', investor: '投资方', contact: '联系人' } as const;
