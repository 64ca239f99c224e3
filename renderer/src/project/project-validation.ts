// Checks a project draft with the same zod schemas the backend uses (projectCreateInput for a new
// project, projectPatch for the changed fields of an existing one) and the same stage rule, and
// turns every issue into a Chinese message under the field it concerns.
import type { z } from 'zod';
import { isRealIsoDate } from '../../../domain/dates';
import { furthestMilestone, milestones } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import {
  missingChannelField,
  projectCreateInput,
  projectPatch,
  resolveStage,
} from '../../../domain/project-input';
import type { ProjectPatch, ProjectRecord } from '../../../domain/project-input';
import type { DraftKey, ProjectDraft } from './project-draft';
import { changedKeys, draftKeyOf, inputFromDraft } from './project-draft';

export type FieldErrors = Partial<Record<DraftKey, string>>;

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** The form shows 总投资 in 亿元 or 万美元, so messages name the field without the storage unit. */
function formMessage(key: DraftKey, message: string): string {
  if (key === 'amount')
    return message.replace(/总投资（(元|美元)）/g, '总投资').replace('（单位：所选币种的元）', '');
  if (key === 'contractedFdi') return message.replace('合同外资（美元）', '合同外资');
  return message;
}

function issuesToErrors(error: z.ZodError, into: FieldErrors): FieldErrors {
  for (const issue of error.issues) {
    const apiKey = issue.path[0];
    const key = typeof apiKey === 'string' ? draftKeyOf(apiKey) : null;
    const field = key ?? 'name';
    into[field] ??= formMessage(field, issue.message);
  }
  return into;
}

type Dates = Parameters<typeof resolveStage>[2];

function datesOf(values: Record<string, unknown>): Dates {
  return Object.fromEntries(
    milestones.map((m) => [m.actualKey, (values[m.actualKey] as string | null) ?? null]),
  );
}

/**
 * The backend's rules across fields, once each field is valid on its own: the stage must agree
 * with the milestone dates (message under 阶段), a terminated project needs a reason, and a
 * channel its referrer, agent or fair edition.
 */
function ruleErrors(
  requested: Stage | undefined,
  current: Stage | undefined,
  values: Record<string, unknown>,
  errors: FieldErrors,
  channelTouched = true,
): void {
  const resolved = resolveStage(requested, current, datesOf(values));
  if ('error' in resolved) errors.stage = resolved.error;
  else if (resolved.stage === 'terminated' && !values.terminationReason) {
    errors.terminationReason = '终止项目须填写终止原因';
  }
  const missing = missingChannelField(values as Parameters<typeof missingChannelField>[0]);
  if (missing && channelTouched) errors[missing.field] = missing.message;
}

export function checkCreate(draft: ProjectDraft): Checked<z.output<typeof projectCreateInput>> {
  const { values, errors } = inputFromDraft(draft);
  // A new project leaves out what is empty; 线索 is where every project starts. An office or
  // promoter cleared by the user is sent as none, or the backend would fill in the user's own.
  const input = Object.fromEntries(
    Object.entries(values).filter(
      ([k, v]) =>
        (v !== null && !(k === 'stage' && v === 'lead')) || k === 'office' || k === 'owner',
    ),
  );
  const parsed = projectCreateInput.safeParse(input);
  if (!parsed.success) issuesToErrors(parsed.error, errors);
  if (Object.keys(errors).length === 0) {
    ruleErrors(input.stage as Stage | undefined, undefined, values, errors);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** The changed fields only; an empty patch when nothing changed. */
export function checkPatch(
  record: ProjectRecord,
  baseline: ProjectDraft,
  draft: ProjectDraft,
): Checked<ProjectPatch> {
  const before = inputFromDraft(baseline).values;
  const { values, errors } = inputFromDraft(draft);
  const patch = Object.fromEntries(changedKeys(before, values).map((k) => [k, values[k]]));
  // 总投资 and its currency go together: a new currency alone still sends the amount.
  if ('totalInvestment' in patch || 'investmentCurrency' in patch) {
    patch.totalInvestment = values.totalInvestment;
    patch.investmentCurrency = values.investmentCurrency;
  }
  const parsed = projectPatch.safeParse(patch);
  if (!parsed.success) issuesToErrors(parsed.error, errors);
  if (Object.keys(errors).length === 0) {
    // As the backend: an old gap in the channel fields does not block an unrelated change.
    const channelTouched = ['channel', 'referrer', 'agent', 'fairEdition'].some((k) => k in patch);
    const merged = { ...before, ...values };
    ruleErrors(patch.stage as Stage | undefined, record.stage, merged, errors, channelTouched);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/**
 * The stage to show after an actual milestone date changed: the furthest dated milestone, or back
 * to 在谈/线索 when the dates are all gone. A terminated project stays terminated.
 */
export function stageForDates(stage: Stage, draft: ProjectDraft): Stage {
  if (stage === 'terminated') return stage;
  const values = inputFromDraft(draft).values;
  const dates = Object.fromEntries(
    milestones.map((m) => {
      const v = values[m.actualKey];
      return [m.actualKey, typeof v === 'string' && isRealIsoDate(v) ? v : null];
    }),
  );
  const furthest = furthestMilestone(dates);
  if (furthest) return furthest;
  return stage === 'negotiating' ? 'negotiating' : milestoneStage(stage) ? 'negotiating' : stage;
}

function milestoneStage(stage: Stage): boolean {
  return milestones.some((m) => m.stage === stage);
}
