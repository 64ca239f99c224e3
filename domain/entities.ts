// Inputs and records of the entities around a project: investors, contacts, activities, follow-up
// tasks and capital arrivals (到资记录). Same conventions as project-input.ts.
import { allCurrencies } from './currencies';
import { z } from 'zod';
import { countryByCode } from './countries';
import { flag, isoDate, MAX_AMOUNT, recordId, strictObject, text } from './fields';
import { creditCodeField } from './identity-codes';
import { province as provinceField } from './location';
import { activityKindKeys, activityKinds } from './vocabulary';

// Each entity's fields by their Chinese names, as its form shows them: in its schema's messages,
// and the dispatcher's for a field the schema's messages do not word (a missing one, a wrong type).
export const investorFieldLabels = {
  nameZh: '中文名称',
  nameEn: '英文名称',
  aliases: '简称/别名',
  parentName: '母公司',
  parentInvestorId: '母公司',
  hqCountry: '总部国别/地区',
  province: '所在省份',
  city: '所在城市',
  fortune500: '世界500强',
  china100: '国内100强',
  centralSoe: '央企',
  listed: '上市公司',
  wellKnown: '知名企业',
  notes: '备注',
  creditCode: '统一社会信用代码',
} as const;

export const investorFields = strictObject({
  nameZh: text(investorFieldLabels.nameZh).min(1, '投资方中文名称不能为空'),
  nameEn: text(investorFieldLabels.nameEn).nullable(),
  aliases: z.array(text(investorFieldLabels.aliases, 100)).max(20, '简称/别名最多 20 个'),
  parentName: text(investorFieldLabels.parentName).nullable(),
  parentInvestorId: recordId(investorFieldLabels.parentInvestorId).nullable(),
  hqCountry: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine((c) => countryByCode(c) !== undefined, '未知的总部国别/地区代码')
    .nullable(),
  province: provinceField(investorFieldLabels.province).nullable(),
  city: text(investorFieldLabels.city, 50).nullable(),
  fortune500: flag(investorFieldLabels.fortune500),
  china100: flag(investorFieldLabels.china100),
  centralSoe: flag(investorFieldLabels.centralSoe),
  listed: flag(investorFieldLabels.listed),
  wellKnown: flag(investorFieldLabels.wellKnown),
  notes: text(investorFieldLabels.notes, 2000).nullable(),
  /** 统一社会信用代码, normalised (trimmed, half-width, upper case) and checked (GB 32100-2015). */
  creditCode: creditCodeField,
});
/**
 * `parent` names the parent investor by id or Chinese name (the CLI's and scripts' way); the
 * service resolves it to parentInvestorId.
 */
const parentRef = { parent: text('母公司', 200).min(1, '母公司不能为空').nullable() };
export const investorCreate = investorFields.extend(parentRef).partial().required({ nameZh: true });
export const investorPatch = investorFields.extend(parentRef).partial();
export type InvestorCreate = z.infer<typeof investorCreate>;
export type InvestorRecord = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  parentName: string | null;
  parentInvestorId: string | null;
  hqCountry: string | null;
  province: string | null;
  city: string | null;
  fortune500: boolean;
  china100: boolean;
  centralSoe: boolean;
  listed: boolean;
  wellKnown: boolean;
  notes: string | null;
  creditCode: string | null;
  projectCount: number;
};

export const contactFieldLabels = {
  investorId: '投资方',
  projectId: '项目',
  name: '联系人姓名',
  title: '职务',
  phone: '电话',
  wechat: '微信',
  email: '邮箱',
  notes: '备注',
} as const;

export const contactFields = strictObject({
  investorId: recordId(contactFieldLabels.investorId).nullable(),
  projectId: recordId(contactFieldLabels.projectId).nullable(),
  name: text(contactFieldLabels.name, 50).min(1, '联系人姓名不能为空'),
  title: text(contactFieldLabels.title, 100).nullable(),
  phone: text(contactFieldLabels.phone, 50).nullable(),
  wechat: text(contactFieldLabels.wechat, 50).nullable(),
  email: z.email('邮箱格式不正确').max(254, '邮箱不能超过 254 个字').nullable(),
  notes: text(contactFieldLabels.notes, 2000).nullable(),
});
export const contactCreate = contactFields.partial().required({ name: true });
export const contactPatch = contactFields.partial();
export type ContactRecord = { id: string } & Required<z.infer<typeof contactCreate>>;

export const activityFieldLabels = {
  projectId: '项目',
  investorId: '投资方',
  kind: '活动类型',
  occurredOn: '活动日期',
  people: '参与人员',
  notes: '记录',
} as const;

export const activityFields = strictObject({
  projectId: recordId(activityFieldLabels.projectId).nullable(),
  investorId: recordId(activityFieldLabels.investorId).nullable(),
  kind: z.enum(activityKindKeys, {
    error: `活动类型无效，可选：${activityKinds.map((k) => `${k.key}（${k.label}）`).join('、')}`,
  }),
  occurredOn: isoDate(activityFieldLabels.occurredOn),
  people: text(activityFieldLabels.people, 500).nullable(),
  notes: text(activityFieldLabels.notes, 5000).nullable(),
});
export const activityCreate = activityFields.partial().required({ kind: true, occurredOn: true });
export const activityPatch = activityFields.partial();
export type ActivityRecord = { id: string; author: string | null } & Required<
  z.infer<typeof activityCreate>
>;

export const taskFieldLabels = {
  projectId: '项目',
  title: '跟进事项',
  dueOn: '截止日期',
  done: '已完成',
  doneOn: '完成日期',
  assigneeId: '负责人',
  notes: '备注',
} as const;

export const taskFields = strictObject({
  projectId: recordId(taskFieldLabels.projectId).nullable(),
  title: text(taskFieldLabels.title, 200).min(1, '跟进事项不能为空'),
  dueOn: isoDate(taskFieldLabels.dueOn),
  done: flag(taskFieldLabels.done),
  doneOn: isoDate(taskFieldLabels.doneOn).nullable(),
  assigneeId: recordId(taskFieldLabels.assigneeId).nullable(),
  notes: text(taskFieldLabels.notes, 2000).nullable(),
});
export const taskCreate = taskFields.partial().required({ title: true, dueOn: true });
export const taskPatch = taskFields.partial();
export type TaskRecord = { id: string } & Required<z.infer<typeof taskCreate>>;

export const arrivalFieldLabels = {
  projectId: '项目',
  arrivedOn: '到资日期',
  amount: '到资金额',
  currency: '币种',
  kind: '到资类别',
  outsideCity: '市外内资',
  notes: '备注',
} as const;

export const arrivalFields = strictObject({
  projectId: recordId(arrivalFieldLabels.projectId),
  arrivedOn: isoDate(arrivalFieldLabels.arrivedOn),
  amount: z
    .number({ error: '到资金额须为数字' })
    .int('到资金额须为整数（单位：元或美元）')
    .positive('到资金额须大于零')
    .max(MAX_AMOUNT, '到资金额超出范围'),
  currency: z.enum(allCurrencies, { error: `币种须为 ${allCurrencies.join('、')} 之一` }),
  kind: z.enum(['fdi', 'domestic'], {
    error: '到资类别须为 fdi（实到外资）或 domestic（到位内资）',
  }),
  /** An override: null follows the project and its investor (not 嘉兴市 → 市外). */
  outsideCity: flag(arrivalFieldLabels.outsideCity).nullable(),
  notes: text(arrivalFieldLabels.notes, 2000).nullable(),
});
/** Without a kind, the arrival takes its project's (外资 → fdi, 内资 → domestic). */
export const arrivalCreate = arrivalFields
  .partial()
  .required({ projectId: true, arrivedOn: true, amount: true, currency: true });
export const arrivalPatch = arrivalFields.partial();
export type ArrivalRecord = { id: string } & Required<z.infer<typeof arrivalCreate>> & {
    kind: 'fdi' | 'domestic';
    /** Whether it counts as 市外内资: the override, else what the project and its investor say. */
    outsideCounted: boolean;
  };
