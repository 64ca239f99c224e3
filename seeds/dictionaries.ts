// Starting dictionaries written into a new database; users edit them afterwards: landing platforms,
// industries, fair editions, yearly USD→CNY rates, the 五未 rules and the 落地率 rule.
import type { LandingRule, StalledRule } from '../domain/lifecycle';

/** 承接平台 named in the 2021 plan. */
export const platforms: string[] = [
  '高端食品和智能制造高能级产业生态园',
  '高铁新城',
  '浙江中德（嘉兴）产业园',
  '运河新区',
  '姚家荡区域',
];

export const industries: string[] = [
  '集成电路',
  '5G通信',
  '人工智能',
  '高端装备制造',
  '高端食品',
  '数字经济',
  '生产性服务业',
  '新材料',
  '生物医药',
  '新能源',
  '汽车零部件',
  '现代物流',
  '总部经济',
];

// The zone's own fair. Only the seventh edition's year is confirmed (the 2021 plan prepares it);
// users add the years of earlier editions.
export const fairEditions: string[] = [
  '第一届国际经贸洽谈会',
  '第二届国际经贸洽谈会',
  '第三届国际经贸洽谈会',
  '第四届国际经贸洽谈会',
  '第五届国际经贸洽谈会',
  '第六届国际经贸洽谈会',
  '第七届国际经贸洽谈会（2021）',
];

// Yearly average of the PBoC/CFETS central parity rate (人民币对美元汇率中间价年平均), 元 per 美元,
// as published by SAFE and in the NBS yearly statistical communiqué (统计公报).
// 2025 is an estimate until the year's figure is published; users correct it in settings.
export const defaultUsdCnyRates: Record<number, number> = {
  2019: 6.8985,
  2020: 6.8976,
  2021: 6.4515,
  2022: 6.7261,
  2023: 7.0467,
  2024: 7.1217,
  2025: 7.18,
};

// No public source defines the zone's 五未; these five follow the lifecycle and are editable.
export const defaultStalledRules: StalledRule[] = [
  {
    key: 'signed_not_registered',
    label: '签约未注册',
    from: 'signed',
    to: 'registered',
    days: 90,
    usePlannedDate: false,
  },
  {
    key: 'registered_not_land_supplied',
    label: '注册未供地',
    from: 'registered',
    to: 'land_supplied',
    days: 180,
    usePlannedDate: false,
  },
  {
    key: 'land_supplied_not_started',
    label: '供地未开工',
    from: 'land_supplied',
    to: 'started',
    days: 180,
    usePlannedDate: false,
  },
  {
    key: 'started_not_completed',
    label: '开工未竣工',
    from: 'started',
    to: 'completed',
    // By the planned 竣工 date; without one, 24 months from 开工 (a typical 工业 construction
    // period).
    days: 730,
    usePlannedDate: true,
  },
  {
    key: 'completed_not_producing',
    label: '竣工未投产',
    from: 'completed',
    to: 'producing',
    days: 90,
    usePlannedDate: false,
  },
];

/** 落地 = registered; cohort = projects signed in the year. */
export const defaultLandingRule: LandingRule = {
  milestone: 'registered',
  cohort: 'signed_in_year',
};
