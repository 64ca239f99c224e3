// The CLI's 首报首谈 commands (issue 18), each one call of the claim.* API:
//   claim add --json '{"investorId"|"projectId":…,"reported":…,"role":…,"share":…}'  → the id
//   claims --json                                  → {claims, holders, arbitration}
import type { ClaimList } from '../domain/claims';
import { claimRoleLabels } from '../domain/claims';
import { CliUserError } from './cli-error';
import type { CommandContext } from './cli-error';

export const claimUsage = `  claim add --json '{"investorId"|"projectId":…,"reported":…,"role":"holder"|"referrer"|"agent","share":…}'
                                           登记首报首谈（默认本机驻点与用户、今天），输出编号 id
  claims [--json]                          首报首谈登记、各对象的首报方和待本部认定的争议`;

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') throw new CliUserError('缺少 --json 参数');
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUserError('--json 不是有效的 JSON');
  }
}

/** Runs claim add or claims; false when `command` is neither. */
export async function runClaimCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  if (command === 'claim') {
    if (args[0] !== 'add') throw new CliUserError("用法：claim add --json '{...}'");
    const { id } = await cx.call<{ id: string }>('claim.add', parseJson(cx.values.json));
    // --json carries the input here, so the answer is the bare id, as `project add` prints it.
    console.log(id);
    return true;
  }
  if (command === 'claims') {
    const list = await cx.call<ClaimList>('claim.list', {});
    const holders = new Set(list.holders.map((h) => h.claimId));
    cx.print(list, () =>
      list.claims.length === 0
        ? '没有首报首谈登记'
        : list.claims
            .map(
              (c) =>
                `${c.id}\t${c.subjectId}\t${claimRoleLabels[c.role]}${holders.has(c.id) ? '（首报方）' : ''}\t` +
                `${c.officeId ?? ''}\t${c.promoterName ?? ''}\t${c.claimedOn ?? ''}`,
            )
            .join('\n') +
          (list.arbitration.length ? `\n待本部认定：${list.arbitration.length} 项` : ''),
    );
    return true;
  }
  return false;
}
