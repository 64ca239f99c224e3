// The zone's 2021 targets from its published work plan (shared/000_40722db865488090.txt), the first
// seeded year. Amounts in 美元 (usd) or 元 (cny), percent as 80 = 80%. 确保 = guarantee, 力争 = strive.
// A key with a parent's prefix (talents_national) is the second figure of that row.

export interface SeedTarget {
  key: string;
  label: string;
  year: number;
  scope: 'zone';
  guarantee: number | null;
  strive: number | null;
  unit: 'usd' | 'cny' | 'count' | 'percent';
  mode: 'computed' | 'manual';
  note?: string;
}

type Row = Omit<SeedTarget, 'year' | 'scope'>;

const rows: readonly Row[] = [
  // Computed from project data.
  {
    key: 'contracted_fdi',
    label: '合同外资',
    guarantee: 700_000_000,
    strive: 800_000_000,
    unit: 'usd',
    mode: 'computed',
  },
  {
    key: 'paid_in_fdi',
    label: '实到外资',
    guarantee: 500_000_000,
    strive: 600_000_000,
    unit: 'usd',
    mode: 'computed',
  },
  {
    key: 'domestic_capital',
    label: '市外内资',
    guarantee: 8_000_000_000,
    strive: 10_000_000_000,
    unit: 'cny',
    mode: 'computed',
  },
  {
    key: 'tier_100yi',
    label: '百亿项目',
    guarantee: null,
    strive: 2,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'tier_50_100yi',
    label: '50–100亿元项目',
    guarantee: null,
    strive: 2,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'tier_10_50yi',
    label: '10–50亿元项目',
    guarantee: null,
    strive: 3,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'tier_1yi_industrial',
    label: '亿元以上产业项目',
    guarantee: null,
    strive: 20,
    unit: 'count',
    mode: 'computed',
    note: '含更大档次的产业项目',
  },
  {
    key: 'leader_projects',
    label: '新引进“省市县长工程”项目',
    guarantee: 5,
    strive: null,
    unit: 'count',
    mode: 'computed',
    note: '总投资10亿元以上',
  },
  {
    key: 'landing_rate',
    label: '“省市县长工程”项目落地率',
    guarantee: 80,
    strive: null,
    unit: 'percent',
    mode: 'computed',
  },
  {
    key: 'started_1yi',
    label: '亿元以上开工项目',
    guarantee: 25,
    strive: null,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'completed_1yi',
    label: '亿元以上竣工项目',
    guarantee: 20,
    strive: null,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'stalled_zero',
    label: '“五未”项目清零',
    guarantee: null,
    strive: 0,
    unit: 'count',
    mode: 'computed',
    note: '剩余项目数，越少越好；计划原文为“力争实现‘五未’项目清零”',
  },

  // From each key project's yearly row (区重点 / 市级 flags, 年度计划投资, monthly 完成投资) and the
  // 技改 projects' approval dates.
  {
    key: 'annual_projects',
    label: '年度重点推进项目',
    guarantee: 100,
    strive: null,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'key_projects_investment',
    label: '年度重点推进项目完成投资',
    guarantee: 22_000_000_000,
    strive: null,
    unit: 'cny',
    mode: 'computed',
    note: '计划原文：100个重点项目年度计划投资220亿元',
  },
  {
    key: 'city_projects',
    label: '市级项目',
    guarantee: 41,
    strive: null,
    unit: 'count',
    mode: 'computed',
  },
  {
    key: 'city_projects_investment',
    label: '市级项目全年完成投资',
    guarantee: 3_300_000_000,
    strive: null,
    unit: 'cny',
    mode: 'computed',
  },
  {
    key: 'tech_renovation',
    label: '新批技改项目',
    guarantee: null,
    strive: 100,
    unit: 'count',
    mode: 'computed',
  },

  // Typed in by people each month.
  {
    key: 'tech_renovation_growth',
    label: '技改投资同比增长',
    guarantee: null,
    strive: 12,
    unit: 'percent',
    mode: 'manual',
  },
  {
    key: 'talents',
    label: '引育海内外高端人才',
    guarantee: null,
    strive: 260,
    unit: 'count',
    mode: 'manual',
  },
  {
    key: 'talents_national',
    label: '其中国家级高端人才',
    guarantee: null,
    strive: 20,
    unit: 'count',
    mode: 'manual',
    note: '计划原文：力争引育高端人才260名以上，其中国家级不少于20名',
  },
  {
    key: 'high_tech',
    label: '新增高新技术企业',
    guarantee: 15,
    strive: null,
    unit: 'count',
    mode: 'manual',
  },
  {
    key: 'high_tech_total',
    label: '高新技术企业总数',
    guarantee: 110,
    strive: null,
    unit: 'count',
    mode: 'manual',
  },
  {
    key: 'listings',
    label: '新增上市企业',
    guarantee: 2,
    strive: null,
    unit: 'count',
    mode: 'manual',
  },
  {
    key: 'listings_star',
    label: '科创板上市企业',
    guarantee: 1,
    strive: null,
    unit: 'count',
    mode: 'manual',
    note: '实现科创板上市零突破',
  },
  {
    key: 'gdp_growth',
    label: 'GDP可比增长',
    guarantee: 8,
    strive: null,
    unit: 'percent',
    mode: 'manual',
    note: '主要预期目标，计划未分确保/力争',
  },
  {
    key: 'fixed_asset_growth',
    label: '固定资产投资增长',
    guarantee: 10,
    strive: null,
    unit: 'percent',
    mode: 'manual',
  },
  {
    key: 'budget_revenue_growth',
    label: '区级公共财政预算收入增长',
    guarantee: 8,
    strive: null,
    unit: 'percent',
    mode: 'manual',
  },
  {
    key: 'energy_intensity',
    label: '单位GDP能耗下降',
    guarantee: null,
    strive: null,
    unit: 'percent',
    mode: 'manual',
    note: '完成市下达目标任务',
  },
];

export const targets2021: readonly SeedTarget[] = rows.map((row) => ({
  ...row,
  year: 2021,
  scope: 'zone',
}));
