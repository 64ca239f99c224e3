// Valid values for every field of the 13 synced tables, drawn from the vocabularies and within the
// form schemas' caps (domain/*.ts): what local input could have written, so an import that checks
// values as local input does accepts them all. Text mixes Chinese, rare characters, emoji, quotes,
// backslashes and newlines; money is integer 元 or 美元 around the tier floors; dates are real
// yyyy-MM-dd days; aliases are JSON lists of strings; flags are 0/1. A reference to another row is
// a pick, resolved by the model against the rows the writing replica has. `merged_into` is left
// out: a merge changes what other rows store, which merge-properties.test.ts checks against its
// own oracle.
import fc from 'fast-check';
import type { SyncedTable } from '../../db/synced-tables';
import { countries } from '../../domain/countries';
import { milestones, stageOrder } from '../../domain/lifecycle';
import { MAX_AMOUNT } from '../../domain/project-input';
import {
  activityKindKeys,
  capitalTypeKeys,
  channelKeys,
  officeKeys,
  offices,
  ownershipKeys,
  projectTypeKeys,
  provinceKeys,
} from '../../domain/vocabulary';
import { dictionaryKinds } from '../../domain/settings';

/** The newest-but-`pick` row of `table` the writer has (by insertion order), or null if none. */
export interface Ref {
  ref: SyncedTable;
  pick: number;
}
export type Spec = string | number | null | Ref;
export type SpecFields = Record<string, Spec>;

export function isRef(spec: Spec): spec is Ref {
  return typeof spec === 'object' && spec !== null;
}

const WORDS = [
  '上海汽车集团',
  '宝马（中国）汽车',
  'Siemens 西门子',
  '日本電産',
  '表情 😀🚀',
  '"双引号" 与 “中文引号”',
  "O'Brien & Söhne",
  '反斜杠 \\ 与 / 斜杠',
  '换行\n第二行',
  '𠀀𪚥 生僻字',
  'ＡＢＣ 全角',
  '中德（嘉兴）产业园',
] as const;

/** Trimmed text of at most `max` characters (every word is shorter than the smallest cap, 30). */
const text = (max: number) =>
  fc
    .tuple(fc.constantFrom(...WORDS), fc.nat(9))
    .map(([w, n]) => (n === 0 ? w : `${w}${n}`).slice(0, max));

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const flag = fc.constantFrom(0, 1);

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2018, 0, 1);
export const dateArb = fc
  .oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 3300 }) },
    { weight: 1, arbitrary: fc.constant((Date.UTC(2020, 1, 29) - FIRST_DAY) / DAY_MS) },
  )
  .map((d) => new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10));

/** Integer 元 or 美元 from 0 to MAX_AMOUNT, often at a tier floor (1, 10, 50, 100 亿) or beside one. */
const amount = fc.oneof(
  fc.constantFrom(0, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000, 5_000_000_000),
  fc.constantFrom(10_000_000_000, 15_500_000_000, MAX_AMOUNT),
  fc.integer({ min: 0, max: MAX_AMOUNT }),
);
const positiveAmount = fc.integer({ min: 1, max: 50_000_000_000 });

/** A real in [0, 1e6] (用地 in 亩), never -0. */
const landArea = fc.oneof(
  fc.constantFrom(0, 0.5, 12.25, 150, 999_999.99),
  fc.double({ min: 0, max: 1_000_000, noNaN: true, noDefaultInfinity: true }).map((v) => v || 0),
);

const countryCode = fc.constantFrom(...countries.map((c) => c.code));
const ref = (table: SyncedTable) => fc.nat(3).map((pick): Ref => ({ ref: table, pick }));
const personName = fc.constantFrom('张三', '李四', '王五', '欧阳娜娜', 'Müller', "O'Neil 😀");
const phone = fc.constantFrom('+86 21 5555 0101', '138-0000-0000', '0573-8888 1234');
const wechat = fc.constantFrom('wxid_abc123', 'zhang_san_88', 'li-si');
const email = fc.constantFrom('li.wei@example.com', 'zhang+crm@example.cn', 'mueller@example.de');
const metricKey = fc.constantFrom('fdi_usd', 'domestic_cny', 'signed_count', 'custom_a1');
const milestoneStages = milestones.map((m) => m.stage);

/**
 * 五未 rules as the settings form accepts them: unique keys, `to` after `from`, days or planned
 * (with or without days as the fallback).
 */
const stalledRules = fc
  .array(
    fc.record({
      from: fc.nat(milestoneStages.length - 2),
      gap: fc.nat(milestoneStages.length - 1),
      label: text(30),
      days: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
      planned: fc.boolean(),
    }),
    { maxLength: 3 },
  )
  .map((rules) =>
    JSON.stringify(
      rules.map((r, i) => {
        const to = Math.min(milestoneStages.length - 1, r.from + 1 + (r.gap % 3));
        return {
          key: `rule_${i}`,
          label: r.label,
          from: milestoneStages[r.from],
          to: milestoneStages[to],
          days: r.days,
          usePlannedDate: r.days === null || r.planned,
        };
      }),
    ),
  );

/** The synced settings by id, each with values valid for its key. */
export const settingValues = {
  'fx.usd_cny': fc
    .dictionary(
      fc.integer({ min: 2019, max: 2026 }).map(String),
      fc.oneof(fc.constantFrom(6.4515, 7.1217), fc.double({ min: 1, max: 20, noNaN: true })),
      { minKeys: 1, maxKeys: 4 },
    )
    .map((rates) => JSON.stringify(rates)),
  'landing.rule': fc
    .record({
      milestone: fc.constantFrom(...milestoneStages),
      cohort: fc.constantFrom('signed_in_year', 'signed_in_previous_year'),
    })
    .map((rule) => JSON.stringify(rule)),
  'stalled.rules': stalledRules,
  'schedule.basis': fc.constantFrom('months', 'days').map((basis) => JSON.stringify(basis)),
  'schedule.lights': fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([a, b]) => JSON.stringify({ yellow: Math.min(a, b), red: Math.max(a, b) + 1 })),
} as const;
export const settingIds = Object.keys(settingValues) as (keyof typeof settingValues)[];

type Fields = Record<string, fc.Arbitrary<Spec>>;

/** Real codes, valid by their checks: 华为, 腾讯 and 阿里巴巴's; two projects' from approval notices. */
const creditCode = fc.constantFrom(
  '914403001922038216',
  '9144030071526726XG',
  '91330100716105852F',
);
const projectCode = fc.constantFrom('2020-451421-88-03-016343', '2020-330327-48-01-167360');

const projectFields: Fields = {
  name: text(200),
  code: nullable(text(40)),
  project_code: nullable(projectCode),
  investor_id: nullable(ref('investor')),
  country: nullable(countryCode),
  province: nullable(fc.constantFrom(...provinceKeys)),
  city: nullable(fc.constantFrom('嘉兴市', '上海市', '平湖市', '深圳市')),
  outside_city: nullable(flag),
  ownership: nullable(fc.constantFrom(...ownershipKeys)),
  capital_type: nullable(fc.constantFrom(...capitalTypeKeys)),
  project_type: nullable(fc.constantFrom(...projectTypeKeys)),
  industrial: flag,
  industry: nullable(text(50)),
  platform: nullable(text(100)),
  channel: nullable(fc.constantFrom(...channelKeys)),
  referrer: nullable(text(100)),
  agent: nullable(text(100)),
  fair_edition: nullable(text(100)),
  office_id: nullable(fc.constantFrom(...officeKeys)),
  owner_id: nullable(ref('promoter')),
  // With investment_currency: the form writes both or neither (see projectSpecs).
  total_investment: nullable(amount),
  investment_currency: fc.constantFrom('CNY', 'USD'),
  contracted_fdi_usd: nullable(amount),
  land_area_mu: nullable(landArea),
  stage: fc.constantFrom(...stageOrder),
  terminated_on: nullable(dateArb),
  termination_reason: nullable(text(500)),
  problems: nullable(text(2000)),
  next_steps: nullable(text(2000)),
  leader_project: flag,
  tech_approved_on: nullable(dateArb),
  ...Object.fromEntries(
    milestones.flatMap((m) => [
      [`${m.stage}_on`, nullable(dateArb)],
      [`planned_${m.stage}_on`, nullable(dateArb)],
    ]),
  ),
};

interface TableValues {
  /** Every field a create or an edit may write. */
  fields: Fields;
  /** Fields a create must give (the forms' required ones). */
  required: readonly string[];
  /** Fields that name the row (its id is made from them): written at creation only. */
  identity?: readonly string[];
}

export const tableValues: Record<SyncedTable, TableValues> = {
  office: {
    fields: {
      name: fc.constantFrom(...offices.flatMap((o) => [o.label, `${o.label}驻点`])),
      sort: fc.nat(10),
    },
    required: [],
  },
  promoter: {
    fields: {
      name: personName,
      office_id: nullable(fc.constantFrom(...officeKeys)),
      active: flag,
    },
    required: ['name'],
  },
  investor: {
    fields: {
      name_zh: text(200),
      name_en: nullable(text(200)),
      aliases: fc.array(text(100), { maxLength: 4 }).map((list) => JSON.stringify(list)),
      parent_name: nullable(text(200)),
      parent_investor_id: nullable(ref('investor')),
      hq_country: nullable(countryCode),
      province: nullable(fc.constantFrom(...provinceKeys)),
      city: nullable(fc.constantFrom('嘉兴市', '上海市', '海宁市', '苏州市', 'Hamburg')),
      fortune500: flag,
      china100: flag,
      central_soe: flag,
      listed: flag,
      well_known: flag,
      notes: nullable(text(2000)),
      credit_code: nullable(creditCode),
    },
    required: ['name_zh'],
  },
  contact: {
    fields: {
      investor_id: nullable(ref('investor')),
      project_id: nullable(ref('project')),
      name: personName,
      title: nullable(text(100)),
      phone: nullable(phone),
      wechat: nullable(wechat),
      email: nullable(email),
      notes: nullable(text(2000)),
    },
    required: ['name'],
  },
  project: { fields: projectFields, required: ['name'] },
  capital_arrival: {
    fields: {
      project_id: ref('project'),
      arrived_on: dateArb,
      amount: positiveAmount,
      currency: fc.constantFrom('CNY', 'USD'),
      kind: fc.constantFrom('fdi', 'domestic'),
      outside_city: nullable(flag),
      outside_override: nullable(flag),
      notes: nullable(text(2000)),
    },
    required: ['project_id', 'arrived_on', 'amount', 'currency', 'kind'],
  },
  key_investment: {
    fields: {
      project_id: ref('project'),
      year: fc.integer({ min: 2020, max: 2026 }),
      level_district: nullable(flag),
      level_city: nullable(flag),
      level_province: nullable(flag),
      planned: nullable(fc.integer({ min: 0, max: 50_000_000_000 })),
      ...Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [
          `done_${String(i + 1).padStart(2, '0')}`,
          nullable(fc.integer({ min: 0, max: 5_000_000_000 })),
        ]),
      ),
    },
    required: ['project_id', 'year'],
    identity: ['project_id', 'year'],
  },
  activity: {
    fields: {
      project_id: nullable(ref('project')),
      investor_id: nullable(ref('investor')),
      kind: fc.constantFrom(...activityKindKeys),
      occurred_on: dateArb,
      people: nullable(text(500)),
      notes: nullable(text(5000)),
    },
    required: ['kind', 'occurred_on'],
  },
  task: {
    fields: {
      project_id: nullable(ref('project')),
      title: text(200),
      due_on: dateArb,
      done: flag,
      done_on: nullable(dateArb),
      assignee_id: nullable(ref('promoter')),
      notes: nullable(text(2000)),
    },
    required: ['title', 'due_on'],
  },
  target: {
    fields: {
      year: fc.integer({ min: 2020, max: 2026 }),
      metric_key: metricKey,
      scope: fc.constantFrom('zone', ...officeKeys),
      label: text(100),
      guarantee: nullable(fc.integer({ min: 0, max: 10_000_000_000 })),
      strive: nullable(fc.integer({ min: 0, max: 10_000_000_000 })),
      unit: fc.constantFrom('usd', 'cny', 'count', 'percent'),
      mode: fc.constantFrom('computed', 'manual'),
      note: nullable(text(500)),
    },
    required: ['year', 'metric_key', 'scope', 'label', 'unit', 'mode'],
    identity: ['year', 'metric_key', 'scope'],
  },
  target_actual: {
    fields: {
      target_id: ref('target'),
      month: fc.integer({ min: 1, max: 12 }),
      value: fc.integer({ min: 0, max: 10_000_000_000 }),
    },
    required: ['target_id', 'month', 'value'],
    identity: ['target_id', 'month'],
  },
  // The value is drawn per id (settingValues); this is a placeholder the model replaces.
  setting: { fields: { value: fc.constant(null) }, required: ['value'], identity: [] },
  capture: {
    fields: {
      captured_on: dateArb,
      investor_name: text(200),
      contact_name: nullable(personName),
      phone: nullable(phone),
      wechat: nullable(wechat),
      interest: nullable(text(500)),
      fair_edition: nullable(text(100)),
      note: nullable(text(2000)),
      status: fc.constantFrom('new', 'converted', 'attached', 'dismissed'),
      project_id: nullable(ref('project')),
    },
    required: ['captured_on', 'investor_name', 'status'],
  },
  dictionary_item: {
    fields: {
      kind: fc.constantFrom(...dictionaryKinds),
      label: text(100),
      sort: fc.nat(50),
    },
    required: ['kind', 'label', 'sort'],
    identity: ['kind', 'label'],
  },
  not_duplicate: {
    fields: {
      kind: fc.constant('investor'),
      a_id: ref('investor'),
      b_id: ref('investor'),
    },
    required: ['kind', 'a_id', 'b_id'],
    identity: ['kind', 'a_id', 'b_id'],
  },
  claim: {
    fields: {
      investor_id: ref('investor'),
      office_id: nullable(fc.constantFrom(...officeKeys)),
      promoter_id: nullable(ref('promoter')),
      claimed_on: dateArb,
      reported: text(2000),
      role: fc.constantFrom('holder', 'referrer', 'agent'),
      share: nullable(fc.integer({ min: 0, max: 100 })),
    },
    required: ['investor_id', 'claimed_on', 'reported', 'role'],
  },
  claim_decision: {
    fields: {
      claim_id: ref('claim'),
      note: nullable(text(2000)),
      decided_on: dateArb,
    },
    required: ['claim_id', 'decided_on'],
  },
};

/** Fields an edit (not a create) may choose among: all but the identity ones. */
export function editableFields(table: SyncedTable): string[] {
  const { fields, identity = [] } = tableValues[table];
  return Object.keys(fields).filter((f) => !identity.includes(f) && f !== 'investment_currency');
}
