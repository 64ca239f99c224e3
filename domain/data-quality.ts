// 数据质量: what makes the numbers uncertain, each entry naming the record and the field to fix.
// Kinds: a project with no country and an investor with no HQ country or parent (region unknown),
// a domestic investor with no city (市外内资 unknown), a started project with no planned 竣工 date
// (五未 judges it by a default deadline instead), and a channel without its referrer, agent or fair
// edition.
import type { StalledRule } from './lifecycle';
import { stageLabels } from './lifecycle';

export const dataQualityKinds = {
  no_region: '无国别且投资方无总部国别或母公司',
  no_city: '内资投资方未填城市',
  no_planned_completion: '已开工未填计划竣工日期',
  referral_no_referrer: '以商引商未填引荐人',
  agent_no_agent: '委托招商未填委托机构',
  fair_no_edition: '展会未填展会届次',
} as const;
export type DataQualityKind = keyof typeof dataQualityKinds;

export interface DataQualityItem {
  kind: DataQualityKind;
  /** What is missing, in Chinese. */
  label: string;
  /** Where the fix is: the project's or the investor's page, at this field. */
  target: 'project' | 'investor';
  id: string;
  name: string;
  field: string;
}

/**
 * The label of a started project without a planned 竣工 date, saying how the 五未 rule by that
 * date (开工未竣工) judges it instead: by its fallback days, or not at all.
 */
export function noPlannedCompletionLabel(rules: readonly StalledRule[]): string {
  const base = dataQualityKinds.no_planned_completion;
  const rule = rules.find((r) => r.usePlannedDate && r.to === 'completed');
  if (!rule) return base;
  return rule.days === null
    ? `${base}（“${rule.label}”无法判断是否逾期）`
    : `${base}（“${rule.label}”按默认期限判断：${stageLabels[rule.from]}后 ${rule.days} 天）`;
}
