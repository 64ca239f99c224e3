// Inputs and records of the entities around a project: investors, contacts, activities, follow-up
// tasks and capital arrivals (到资记录). Same conventions as project-input.ts.
import { z } from 'zod';
import { countryByCode } from './countries';
import { flag, isoDate, MAX_AMOUNT, recordId, strictObject, text } from './fields';
import { activityKindKeys, activityKinds } from './vocabulary';

export const investorFields = strictObject({
  nameZh: text('中文名称').min(1, '投资方中文名称不能为空'),
  nameEn: text('英文名称').nullable(),
  aliases: z.array(text('简称/别名', 100)).max(20, '简称/别名最多 20 个'),
  parentName: text('母公司').nullable(),
  parentInvestorId: recordId('母公司').nullable(),
  hqCountry: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine((c) => countryByCode(c) !== undefined, '未知的总部国别/地区代码')
    .nullable(),
  fortune500: flag('世界500强'),
  china100: flag('国内100强'),
  centralSoe: flag('央企'),
  listed: flag('上市公司'),
  wellKnown: flag('知名企业'),
  notes: text('备注', 2000).nullable(),
});
export const investorCreate = investorFields.partial().required({ nameZh: true });
export const investorPatch = investorFields.partial();
export type InvestorCreate = z.infer<typeof investorCreate>;
export type InvestorRecord = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  parentName: string | null;
  parentInvestorId: string | null;
  hqCountry: string | null;
  fortune500: boolean;
  china100: boolean;
  centralSoe: boolean;
  listed: boolean;
  wellKnown: boolean;
  notes: string | null;
  projectCount: number;
};

export const contactFields = strictObject({
  investorId: recordId('投资方').nullable(),
  projectId: recordId('项目').nullable(),
  name: text('联系人姓名', 50).min(1, '联系人姓名不能为空'),
  title: text('职务', 100).nullable(),
  phone: text('电话', 50).nullable(),
  wechat: text('微信', 50).nullable(),
  email: z.email('邮箱格式不正确').max(254, '邮箱不能超过 254 个字').nullable(),
  notes: text('备注', 2000).nullable(),
});
export const contactCreate = contactFields.partial().required({ name: true });
export const contactPatch = contactFields.partial();
export type ContactRecord = { id: string } & Required<z.infer<typeof contactCreate>>;

export const activityFields = strictObject({
  projectId: recordId('项目').nullable(),
  investorId: recordId('投资方').nullable(),
  kind: z.enum(activityKindKeys, {
    error: `活动类型无效，可选：${activityKinds.map((k) => `${k.key}（${k.label}）`).join('、')}`,
  }),
  occurredOn: isoDate('活动日期'),
  people: text('参与人员', 500).nullable(),
  notes: text('记录', 5000).nullable(),
});
export const activityCreate = activityFields.partial().required({ kind: true, occurredOn: true });
export const activityPatch = activityFields.partial();
export type ActivityRecord = { id: string; author: string | null } & Required<
  z.infer<typeof activityCreate>
>;

export const taskFields = strictObject({
  projectId: recordId('项目').nullable(),
  title: text('跟进事项', 200).min(1, '跟进事项不能为空'),
  dueOn: isoDate('截止日期'),
  done: flag('已完成'),
  doneOn: isoDate('完成日期').nullable(),
  assigneeId: recordId('负责人').nullable(),
  notes: text('备注', 2000).nullable(),
});
export const taskCreate = taskFields.partial().required({ title: true, dueOn: true });
export const taskPatch = taskFields.partial();
export type TaskRecord = { id: string } & Required<z.infer<typeof taskCreate>>;

export const arrivalFields = strictObject({
  projectId: recordId('项目'),
  arrivedOn: isoDate('到资日期'),
  amount: z
    .number({ error: '到资金额须为数字' })
    .int('到资金额须为整数（单位：元或美元）')
    .positive('到资金额须大于零')
    .max(MAX_AMOUNT, '到资金额超出范围'),
  currency: z.enum(['CNY', 'USD'], { error: '币种须为 CNY 或 USD' }),
  kind: z.enum(['fdi', 'domestic'], {
    error: '到资类别须为 fdi（实到外资）或 domestic（到位内资）',
  }),
  outsideCity: flag('市外资金'),
  notes: text('备注', 2000).nullable(),
});
export const arrivalCreate = arrivalFields
  .partial()
  .required({ projectId: true, arrivedOn: true, amount: true, currency: true, kind: true });
export const arrivalPatch = arrivalFields.partial();
export type ArrivalRecord = { id: string } & Required<z.infer<typeof arrivalCreate>>;
