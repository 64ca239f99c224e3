// The CLI's investor and arrival commands (issue 17): each is one call of the investor.* /
// arrival.* API, so a script is held to the same rules as the window.
//   investor add --json '{"nameZh":…,"parent":…,"hqCountry":"DE","province":…,"city":…}'  → id
//   investor update ID --json '{…}'                                                → record
//   arrival add PROJECT_ID --json '{"date":"2021-05-10","amount":300000000,"currency":"CNY"}' → id
import { errorMessages } from '../domain/errors';
import { CliUserError } from './cli-error';
import type { CommandContext } from './cli-error';

export const recordUsage = `  investor add --json '{"nameZh":…,"nameEn":…,"parent":…,"hqCountry":"DE","province":…,"city":…}'
                                           新增投资方（parent 为母公司编号或中文名称），输出编号 id
  investor update ID --json '{...}'        修改投资方
  arrival add 项目ID --json '{"date":"2021-05-10","amount":300000000,"currency":"CNY"}'
                                           新增到资记录（kind、outsideCity 不填时按项目及投资方判断），输出编号 id`;

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
