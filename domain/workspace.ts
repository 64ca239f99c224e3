// Inputs and records of the promoter's workspace: change history, duplicate-investor warnings,
// trade-fair quick captures, settings, backups, quick search and saved ledger views.
import { z } from 'zod';
import { isoDate, recordId, strictObject, text } from './fields';
import type { LandingRule, MilestoneStage, StalledRule } from './lifecycle';
import { ledgerQuery } from './ledger';
import { milestones, stageLabels } from './lifecycle';

const milestoneSchema = z.enum(
  milestones.map((m) => m.stage) as [MilestoneStage, ...MilestoneStage[]],
  { error: `里程碑无效，可选：${milestones.map((m) => stageLabels[m.stage]).join('、')}` },
);

/** One 五未 rule: reached `from`, not `to` within `days` (or by the planned `to` date). */
const stalledRuleSchema = strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/, '规则键只能包含小写字母、数字和下划线'),
  label: text('规则名称', 30).min(1, '请填写规则名称'),
  from: milestoneSchema,
  to: milestoneSchema,
  days: z.number().int('天数须为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650').nullable(),
  usePlannedDate: z.boolean(),
})
  .refine(
    (r) =>
      milestones.findIndex((m) => m.stage === r.to) >
      milestones.findIndex((m) => m.stage === r.from),
    {
      message: '“未达到”的里程碑须在“已达到”的里程碑之后',
    },
  )
  .refine((r) => r.usePlannedDate || r.days !== null, {
    message: '请填写天数，或改为按计划日期判断',
  });

/** One field's edit, read from the change log. */
export interface HistoryEntry {
  hlc: string;
  /** When the change was made (ISO time, from its clock). */
  at: string;
  author: string | null;
  field: string;
  label: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export const similarInput = strictObject({
  name: text('投资方名称').min(1, '请填写投资方名称'),
  excludeId: z.string().optional(),
});
export interface SimilarInvestor {
  id: string;
  nameZh: string;
  nameEn: string | null;
  /** The existing name the new one resembles (Chinese, English or an alias). */
  matchedOn: string;
  projectCount: number;
}

export const captureCreate = strictObject({
  investorName: text('投资方', 200).min(1, '请填写投资方'),
  contactName: text('联系人', 50).nullable().optional(),
  phone: text('电话', 50).nullable().optional(),
  wechat: text('微信', 50).nullable().optional(),
  interest: text('投资意向', 500).nullable().optional(),
  fairEdition: text('展会届次', 100).nullable().optional(),
  note: text('备注', 2000).nullable().optional(),
  capturedOn: isoDate('记录日期').optional(),
});
export type CaptureStatus = 'new' | 'converted' | 'attached' | 'dismissed';
export interface CaptureRecord {
  id: string;
  capturedOn: string;
  investorName: string;
  contactName: string | null;
  phone: string | null;
  wechat: string | null;
  interest: string | null;
  fairEdition: string | null;
  note: string | null;
  status: CaptureStatus;
  projectId: string | null;
}
export const captureListInput = strictObject({
  status: z.enum(['new', 'converted', 'attached', 'dismissed']).optional(),
});
export const captureConvertInput = strictObject({
  id: recordId('速记'),
  projectName: text('项目名称').min(1).optional(),
});
export const captureAttachInput = strictObject({
  id: recordId('速记'),
  projectId: recordId('项目'),
});

export interface Settings {
  user: string | null;
  office: string | null;
  /** 元 per 美元, by year. */
  usdRates: Record<string, number>;
  landingRule: LandingRule;
  stalledRules: StalledRule[];
}
export const settingsUpdate = strictObject({
  user: text('姓名', 50).min(1, '请填写姓名').optional(),
  office: z.string().optional(),
  usdRates: z
    .record(
      z.string().regex(/^(19|20)\d\d$/, '年份无效'),
      z
        .number({ error: '汇率须为数字' })
        .min(1, '汇率须在 1–20 之间')
        .max(20, '汇率须在 1–20 之间'),
      {
        error: (issue) =>
          issue.code === 'invalid_key' ? '汇率的年份无效（1900–2099）' : '汇率须为按年份的数字',
      },
    )
    .optional(),
  landingRule: z
    .strictObject(
      {
        milestone: milestoneSchema,
        cohort: z.enum(['signed_in_year', 'signed_in_previous_year'], {
          error: '落地率口径无效：当年签约或上年签约',
        }),
      },
      { error: '落地率口径须为里程碑与签约年份' },
    )
    .optional(),
  stalledRules: z
    .array(stalledRuleSchema, { error: '“五未”规则须为规则列表' })
    .max(20, '“五未”规则最多 20 条')
    .refine((rules) => new Set(rules.map((r) => r.key)).size === rules.length, {
      message: '“五未”规则的键不能重复',
    })
    .optional(),
});

export const dictionaryKinds = ['platform', 'industry', 'fair_edition'] as const;
export const dictionaryItemInput = strictObject({
  kind: z.enum(dictionaryKinds, { error: '字典类别无效' }),
  label: text('名称', 100).min(1, '名称不能为空'),
});

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
  /** In backup.list's answer to the window: the handle to pass as backup.check/restore's `file`. */
  handle?: string;
}
export const backupCreateInput = strictObject({ file: z.string().min(1).optional() }).optional();
export const backupRestoreInput = strictObject({ file: z.string().min(1, '请选择备份文件') });

export const quickSearchInput = strictObject({
  q: text('搜索词', 100),
  limit: z.number().int().min(1).max(50).default(8),
});
export interface QuickSearchResult {
  projects: { id: string; name: string; code: string | null; investor: string | null }[];
  investors: { id: string; nameZh: string; nameEn: string | null }[];
}

/** A named ledger filter with its columns and sort; kept on this laptop only. */
export const viewDefinition = z.object({
  filters: ledgerQuery.omit({ offset: true, limit: true, sort: true }),
  columns: z.array(z.string()).max(50),
  sort: z.object({ key: z.string(), dir: z.enum(['asc', 'desc']) }),
});
export const viewSaveInput = strictObject({
  name: text('视图名称', 50).min(1, '请填写视图名称'),
  definition: viewDefinition,
});
export interface SavedView {
  id: string;
  name: string;
  definition: z.infer<typeof viewDefinition>;
}
