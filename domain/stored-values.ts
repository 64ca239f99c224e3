// What each column of a synced table may hold: the rules of local input (project-input.ts,
// entities.ts, targets.ts, captures.ts, settings.ts) in the form the services store values (0/1 flags,
// vocabulary keys, JSON text lists and settings, whole amounts). Sync import holds every value of
// every change to them before anything is written; the readers below fall back when JSON kept in a
// text column is bad anyway (written before this check, or by an older version).
// One file over 400 lines: the rules of all 14 synced tables side by side, so that a column added
// to one is checked the way its like in the others is.
import { z } from 'zod';
import { mergeKinds } from './merge';
import { snake } from './column-names';
import { countries } from './countries';
import { allCurrencies } from './currencies';
import type { RatesByYear } from './currencies';
import {
  activityFields,
  arrivalFields,
  contactFields,
  investorFields,
  taskFields,
} from './entities';
import { amount, isoDate, recordId, text as textField } from './fields';
import { MAX_REPORTED, claimRoles, claimThresholds } from './claims';
import {
  MONTHS,
  keyInvestmentSet,
  keyInvestmentYear,
  monthColumn,
  monthlyInvestment,
  plannedInvestment,
} from './key-investment';
import { milestones } from './lifecycle';
import { projectFieldLabels, projectFields } from './project-input';
import { targetActualInput, targetUpsertInput } from './targets';
import type { Entry } from './vocabulary';
import {
  capitalTypes,
  channels,
  offices,
  ownerships,
  projectTypes,
  storedProvinces,
} from './vocabulary';
import { captureCreate } from './captures';
import { storedCreditCode, storedProjectCode } from './identity-codes';
import { dictionaryItemInput, dictionaryKinds, settingsUpdate } from './settings';

/**
 * What a column holds, so that import can test the common values without a zod parse per value
 * (db/sync/check-values.ts): plain form text, a form date, a number, one of fixed choices, a
 * country code; `other` is only ever parsed.
 */
export type StoredKind = 'text' | 'date' | 'number' | 'choice' | 'country' | 'other';

export interface StoredColumn {
  /** The field's Chinese name, as the forms call it. */
  readonly label: string;
  /** Accepts exactly the stored values local input can produce (NULL included where it can). */
  readonly schema: z.ZodType;
  readonly kind: StoredKind;
}

export interface StoredTable {
  readonly label: string;
  readonly columns: Readonly<Record<string, StoredColumn>>;
  /** A column whose rule depends on the row: a setting's value, by the setting's id. */
  readonly byRow?: { readonly column: string; readonly rule: (rowId: string) => StoredColumn };
}

const column =
  (kind: StoredKind) =>
  (label: string, schema: z.ZodType): StoredColumn => ({ label, schema, kind });
const text = column('text');
const date = column('date');
const number = column('number');
const choice = column('choice');
const other = column('other');

const flag = (label: string) => choice(label, z.literal([0, 1], { error: `${label}须为 0 或 1` }));
/** A 0/1 override where NULL means "not overridden". */
const optionalFlag = (label: string) =>
  choice(label, z.literal([0, 1], { error: `${label}须为 0 或 1` }).nullable());

const reference = (label: string) => text(label, recordId(label).nullable());

/** A vocabulary entry, stored by its key (the forms accept the label too, and store the key). */
function key(label: string, list: readonly Entry<string>[]): StoredColumn {
  const keys = list.map((e) => e.key) as [string, ...string[]];
  const choices = list.map((e) => `${e.key}（${e.label}）`).join('、');
  return choice(label, z.enum(keys, { error: `${label}无效，可选：${choices}` }).nullable());
}

const countryCodes = new Set(countries.map((c) => c.code));

/** An ISO country code as stored: upper case (the forms upper-case what is typed). */
export function isStoredCountry(code: string): boolean {
  return countryCodes.has(code);
}

const country = (label: string): StoredColumn => ({
  label,
  kind: 'country',
  schema: z
    .string({ error: `${label}须为国家或地区代码` })
    .refine(isStoredCountry, `${label}不是已知的国家或地区代码`)
    .nullable(),
});

/** Sort positions of seeded and added dictionary entries. */
const sortOrder = (label: string) =>
  number(
    label,
    z
      .number({ error: `${label}须为数字` })
      .int(`${label}须为整数`)
      .min(0, `${label}不能为负数`)
      .max(1_000_000, `${label}超出范围`),
  );

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Text holding JSON that `schema` accepts; `what` names the JSON when it is not even that. */
const jsonText = (label: string, what: string, schema: z.ZodType, maxChars: number) =>
  z
    .string({ error: `${label}须为文字` })
    .max(maxChars, `${label}过长`)
    .transform((value, ctx) => {
      const parsed = parseJson(value);
      if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: `${label}不是${what}` });
        return z.NEVER;
      }
      return parsed as unknown;
    })
    .pipe(schema);

/** A JSON list of strings in a text column, as the list the form accepts. */
function textList(label: string, list: z.ZodType<string[], string[]>): StoredColumn {
  const notList = `${label}不是文字列表`;
  const strings = z.array(z.string({ error: notList }), { error: notList });
  return other(label, jsonText(label, '文字列表', strings.pipe(list), 100_000).nullable());
}

// Settings (synced table `setting`): one JSON value per id.
export const settingIds = {
  usdRates: 'fx.usd_cny',
  fxRates: 'fx.rates',
  /** The single rule of versions before rules by year (migration 011 spreads it over its years). */
  landingRule: 'landing.rule',
  landingRules: 'landing.rules',
  stalledRules: 'stalled.rules',
  scheduleBasis: 'schedule.basis',
  lightThresholds: 'schedule.lights',
  claimThresholds: 'claims.thresholds',
} as const;

const settingValue = (label: string, schema: z.ZodType) =>
  other(label, jsonText(label, '有效的 JSON', schema, 100_000));

const usdRates = settingsUpdate.shape.usdRates.unwrap();

const settingRules = new Map<string, StoredColumn>([
  [settingIds.usdRates, settingValue('美元汇率', usdRates)],
  [settingIds.fxRates, settingValue('外币汇率', settingsUpdate.shape.fxRates.unwrap())],
  [settingIds.landingRule, settingValue('落地率口径', settingsUpdate.shape.landingRule.unwrap())],
  [
    settingIds.landingRules,
    settingValue('各年落地率口径', settingsUpdate.shape.landingRules.unwrap()),
  ],
  [settingIds.stalledRules, settingValue('“五未”规则', settingsUpdate.shape.stalledRules.unwrap())],
  [settingIds.scheduleBasis, settingValue('序时口径', settingsUpdate.shape.scheduleBasis.unwrap())],
  [
    settingIds.lightThresholds,
    settingValue('红黄绿灯阈值', settingsUpdate.shape.lightThresholds.unwrap()),
  ],
  [settingIds.claimThresholds, settingValue('首报首谈登记门槛', claimThresholds)],
]);
/** A setting this version does not read (a newer version's): any JSON, as every setting is. */
const otherSetting = settingValue('值', z.unknown());

/** Project columns stored as the form gives them. */
const projectText = [
  'code',
  'name',
  'industry',
  'platform',
  'referrer',
  'agent',
  'fairEdition',
  'terminationReason',
  'problems',
  'nextSteps',
  'city',
] as const;
const projectDates = [
  'terminatedOn',
  'techApprovedOn',
  ...milestones.flatMap((m) => [m.actualKey, m.plannedKey]),
] as const;

const deleted = flag('删除标记');
const project = projectFields.shape;
const investor = investorFields.shape;
const contact = contactFields.shape;
const arrival = arrivalFields.shape;
const activity = activityFields.shape;
const task = taskFields.shape;
const target = targetUpsertInput.shape;
const actual = targetActualInput.shape;
const capture = captureCreate.shape;
const projectColumn = (
  make: (label: string, schema: z.ZodType) => StoredColumn,
  keys: readonly (keyof typeof project)[],
) => Object.fromEntries(keys.map((k) => [snake(k), make(projectFieldLabels[k]!, project[k])]));

/** A key-project list flag: 0/1, NULL until the project page sets it. */
const levelFlag = (label: string) =>
  choice(label, z.literal([0, 1], { error: `${label}须为 0 或 1` }).nullable());

export const storedTables: Readonly<Record<string, StoredTable>> = {
  office: {
    label: '驻点',
    columns: {
      deleted,
      name: text('驻点名称', textField('驻点名称', 50).min(1, '驻点名称不能为空')),
      sort: sortOrder('排序'),
    },
  },
  promoter: {
    label: '招商人员',
    columns: {
      deleted,
      // Named at first run (姓名) or as a project's 招商责任人: at most 50 either way.
      name: text('姓名', settingsUpdate.shape.user.unwrap()),
      office_id: key('驻点', offices),
      active: flag('在职'),
    },
  },
  investor: {
    label: '投资方',
    columns: {
      deleted,
      name_zh: text('中文名称', investor.nameZh),
      name_en: text('英文名称', investor.nameEn),
      aliases: textList('简称/别名', investor.aliases),
      parent_name: text('母公司', investor.parentName),
      parent_investor_id: reference('母公司'),
      hq_country: country('总部国别/地区'),
      // Older versions' 台湾/香港/澳门 keys stay readable: a change made before the update may arrive.
      province: key('所在省份', storedProvinces),
      city: text('所在城市', investor.city),
      fortune500: flag('世界500强'),
      china100: flag('国内100强'),
      central_soe: flag('央企'),
      listed: flag('上市公司'),
      well_known: flag('知名企业'),
      notes: text('备注', investor.notes),
      credit_code: other('统一社会信用代码', storedCreditCode),
      merged_into: reference('合并到'),
    },
  },
  contact: {
    label: '联系人',
    columns: {
      deleted,
      investor_id: reference('投资方'),
      project_id: reference('项目'),
      name: text('联系人姓名', contact.name),
      title: text('职务', contact.title),
      phone: text('电话', contact.phone),
      wechat: text('微信', contact.wechat),
      email: other('邮箱', contact.email),
      notes: text('备注', contact.notes),
      merged_into: reference('合并到'),
    },
  },
  project: {
    label: '项目',
    columns: {
      deleted,
      ...projectColumn(text, projectText),
      ...projectColumn(date, projectDates),
      ...projectColumn(number, ['contractedFdiUsd', 'landAreaMu']),
      ...projectColumn(choice, ['stage']),
      investor_id: reference('投资方'),
      owner_id: reference('招商责任人'),
      project_code: other('项目代码', storedProjectCode),
      merged_into: reference('合并到'),
      country: country('国别/地区'),
      province: key('省份', storedProvinces),
      outside_city: optionalFlag('市外内资'),
      ownership: key('企业性质', ownerships),
      capital_type: key('资本类别', capitalTypes),
      project_type: key('项目类型', projectTypes),
      channel: key('招商方式', channels),
      office_id: key('驻点/责任单位', offices),
      industrial: flag('产业项目'),
      leader_project: flag('省市县长工程'),
      // One amount in one currency (any of currencies.ts, as project.create's totalInvestment).
      total_investment: number('总投资', amount('总投资', '元或美元').nullable()),
      investment_currency: choice(
        '总投资币种',
        z
          .enum(allCurrencies, { error: `总投资币种须为 ${allCurrencies.join('、')} 之一` })
          .nullable(),
      ),
    },
  },
  capital_arrival: {
    label: '到资记录',
    columns: {
      deleted,
      project_id: text('项目', arrival.projectId),
      arrived_on: date('到资日期', arrival.arrivedOn),
      amount: number('到资金额', arrival.amount),
      currency: choice('币种', arrival.currency),
      kind: choice('到资类别', arrival.kind),
      // Written by older versions (a ticked box); read as an override to 市外 when 1.
      outside_city: optionalFlag('市外资金'),
      outside_override: optionalFlag('市外内资'),
      notes: text('备注', arrival.notes),
    },
  },
  key_investment: {
    label: '重点项目投资',
    columns: {
      deleted,
      project_id: text('项目', keyInvestmentSet.shape.projectId),
      year: number('年份', keyInvestmentYear),
      // NULL until the project page sets them (the rows are written a field at a time).
      level_district: levelFlag('区重点'),
      level_city: levelFlag('市级'),
      level_province: levelFlag('省级'),
      planned: number('年度计划投资', plannedInvestment),
      ...Object.fromEntries(
        MONTHS.map((m) => [monthColumn(m), number(`${m}月完成投资`, monthlyInvestment)]),
      ),
    },
  },
  activity: {
    label: '活动记录',
    columns: {
      deleted,
      project_id: reference('项目'),
      investor_id: reference('投资方'),
      kind: choice('活动类型', activity.kind),
      occurred_on: date('活动日期', activity.occurredOn),
      people: text('参与人员', activity.people),
      notes: text('记录', activity.notes),
    },
  },
  task: {
    label: '跟进事项',
    columns: {
      deleted,
      project_id: reference('项目'),
      title: text('跟进事项', task.title),
      due_on: date('截止日期', task.dueOn),
      done: flag('已完成'),
      done_on: date('完成日期', task.doneOn),
      assignee_id: text('负责人', task.assigneeId),
      notes: text('备注', task.notes),
    },
  },
  target: {
    label: '目标',
    columns: {
      deleted,
      year: number('年份', target.year),
      metric_key: other('指标键', target.key),
      scope: text('范围', target.scope.unwrap()),
      label: text('指标名称', target.label),
      guarantee: number('确保值', target.guarantee),
      strive: number('力争值', target.strive),
      unit: choice('单位', target.unit),
      mode: choice('计算方式', target.mode),
      note: text('说明', target.note.unwrap()),
    },
  },
  target_actual: {
    label: '目标月度实际值',
    columns: {
      deleted,
      target_id: text('目标', actual.targetId),
      month: number('月份', actual.month),
      value: number('实际值', actual.value),
    },
  },
  setting: {
    label: '设置',
    columns: { deleted, value: otherSetting },
    byRow: { column: 'value', rule: (id) => settingRules.get(id) ?? otherSetting },
  },
  capture: {
    label: '展会速记',
    columns: {
      deleted,
      captured_on: date('记录日期', capture.capturedOn.unwrap()),
      investor_name: text('投资方', capture.investorName),
      contact_name: text('联系人', capture.contactName.unwrap()),
      phone: text('电话', capture.phone.unwrap()),
      wechat: text('微信', capture.wechat.unwrap()),
      interest: text('投资意向', capture.interest.unwrap()),
      fair_edition: text('展会届次', capture.fairEdition.unwrap()),
      note: text('备注', capture.note.unwrap()),
      status: choice(
        '状态',
        z.enum(['new', 'converted', 'attached', 'dismissed'], {
          error: '状态无效，可选：new、converted、attached、dismissed',
        }),
      ),
      project_id: reference('项目'),
    },
  },
  dictionary_item: {
    label: '字典项',
    columns: {
      deleted,
      kind: choice('字典类别', z.enum(dictionaryKinds, { error: '字典类别无效' })),
      label: text('名称', dictionaryItemInput.shape.label),
      sort: sortOrder('排序'),
    },
  },
  not_duplicate: {
    label: '不是重复的记录',
    columns: {
      deleted,
      kind: choice(
        '类别',
        z.enum(mergeKinds, { error: '类别无效，可选：investor、project、contact' }),
      ),
      a_id: reference('记录甲'),
      b_id: reference('记录乙'),
    },
  },
  claim: {
    label: '首报首谈',
    columns: {
      deleted,
      investor_id: reference('投资方'),
      project_id: reference('项目'),
      office_id: key('驻点', offices),
      promoter_id: reference('招商人员'),
      claimed_on: date('首报日期', isoDate('首报日期').nullable()),
      reported: text('报送内容', textField('报送内容', MAX_REPORTED).nullable()),
      role: choice(
        '角色',
        z.enum(claimRoles, { error: '角色无效，可选：holder、referrer、agent' }).nullable(),
      ),
      share: number(
        '分成比例',
        z.number().int('分成比例须为整数').min(0).max(100, '分成比例不能大于 100').nullable(),
      ),
    },
  },
  claim_decision: {
    label: '首报首谈认定',
    columns: {
      deleted,
      claim_id: reference('认定的首报记录'),
      note: text('说明', textField('说明', MAX_REPORTED).nullable()),
      decided_on: date('认定日期', isoDate('认定日期').nullable()),
    },
  },
};

/** A JSON list of strings kept in a text column (investor aliases); anything else reads as []. */
export function readTextList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return [];
  const parsed = parseJson(value);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

/** The other currencies' rates setting; a value that breaks the rule reads as no rates at all. */
export function readFxRates(value: unknown): RatesByYear {
  if (typeof value !== 'string') return {};
  const parsed = settingsUpdate.shape.fxRates.unwrap().safeParse(parseJson(value));
  return parsed.success ? parsed.data : {};
}

/** The USD→CNY rates setting by year; a value that breaks the rule reads as no rates at all. */
export function readUsdRates(value: unknown): Record<number, number> {
  if (typeof value !== 'string') return {};
  const parsed = usdRates.safeParse(parseJson(value));
  return parsed.success ? (parsed.data as Record<number, number>) : {};
}
