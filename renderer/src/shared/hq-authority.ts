// 本部's data (targets, exchange rates, 落地率 and 五未 rules, dictionaries) is changed only at 本部
// or on a laptop working alone: an office laptop of a zone shows it read-only (the backend refuses
// its writes with HQ_ONLY) and sends 本部 a proposal instead, an ordinary follow-up task that
// travels with the office's next sync file.
import type { MethodInput } from '../../../domain/contract';
import { taskCreate } from '../../../domain/entities';
import type { ZoneStatus } from '../../../domain/sync';
import { call } from '../api/client';
import { daysAfter } from '../followups/followup-dates';

export const HQ_MANAGED = '由本部统一维护';

/** zone.status, for useLoad: whether this laptop may change 本部's data. */
export const loadZoneStatus = (): Promise<ZoneStatus> => call('zone.status');

/** Whether this laptop may not change 本部's data (the mutation layer's own test: an office role). */
export function hqReadOnly(zone: ZoneStatus | null): boolean {
  return zone?.role === 'office';
}

export const PROPOSAL_PREFIX = '建议修改：';
/** 本部 is asked to answer within a week. */
const PROPOSAL_DAYS = 7;
export const proposalLimits = { subject: 100, what: 1000, why: 800 } as const;

export interface ProposalInput {
  /** What the proposal is about: '2021 年合同外资目标'. */
  subject: string;
  /** The change proposed. */
  what: string;
  /** Why (may be empty). */
  why: string;
  /** Who proposes it: '上海 王晓明'. */
  from: string;
  today: string;
}

export type ProposalErrors = Partial<Record<'subject' | 'what' | 'why', string>>;

/**
 * The follow-up task a proposal becomes: the title names it, the notes carry the proposal, and
 * nobody is named for it, so it shows in every 本部 user's own 待办 list.
 */
export function proposalTask(
  input: ProposalInput,
): { ok: true; task: MethodInput<'task.create'> } | { ok: false; errors: ProposalErrors } {
  const subject = input.subject.trim();
  const what = input.what.trim();
  const why = input.why.trim();
  const errors: ProposalErrors = {};
  if (subject === '') errors.subject = '请写明建议修改哪一项';
  else if (subject.length > proposalLimits.subject)
    errors.subject = `不能超过 ${proposalLimits.subject} 个字`;
  if (what === '') errors.what = '请写明建议怎样修改';
  else if (what.length > proposalLimits.what) errors.what = `不能超过 ${proposalLimits.what} 个字`;
  if (why.length > proposalLimits.why) errors.why = `不能超过 ${proposalLimits.why} 个字`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const notes = [
    `建议：${what}`,
    why ? `理由：${why}` : null,
    `提出：${input.from}（${input.today}）`,
  ]
    .filter((line) => line !== null)
    .join('\n');
  const parsed = taskCreate.safeParse({
    title: `${PROPOSAL_PREFIX}${subject}`,
    dueOn: daysAfter(input.today, PROPOSAL_DAYS),
    notes,
    projectId: null,
    assigneeId: null,
  });
  if (!parsed.success) return { ok: false, errors: { what: parsed.error.issues[0]?.message } };
  return { ok: true, task: parsed.data };
}
