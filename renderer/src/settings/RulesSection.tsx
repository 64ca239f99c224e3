// 落地率定义 and 五未规则, read-only here: they are edited with the 看板 that uses them.
import type { Settings } from '../../../domain/workspace';
import { landingCohortLabels, milestones } from '../../../domain/lifecycle';
import type { MilestoneStage, StalledRule } from '../../../domain/lifecycle';
import { SettingsSection } from './SettingsSection';

const milestoneLabel = (stage: MilestoneStage) =>
  milestones.find((m) => m.stage === stage)?.label ?? stage;

function deadlineText(rule: StalledRule): string {
  if (rule.usePlannedDate) return `计划${milestoneLabel(rule.to)}日期前`;
  return rule.days === null ? '不限' : `${milestoneLabel(rule.from)}后 ${rule.days} 天内`;
}

export function RulesSection({ settings }: { settings: Settings }) {
  const { landingRule, stalledRules } = settings;
  return (
    <SettingsSection id="settings-rules" title="落地率定义与五未规则" hint="只读：将在看板中设置。">
      <dl className="settings-rule">
        <dt>落地率定义</dt>
        <dd>
          {landingCohortLabels[landingRule.cohort] ?? landingRule.cohort}中，已到「
          {milestoneLabel(landingRule.milestone)}」阶段的项目所占比例
        </dd>
      </dl>
      {stalledRules.length === 0 ? (
        <p className="settings-empty">还没有五未规则。</p>
      ) : (
        <table className="settings-table settings-stalled-table">
          <caption className="settings-caption">五未规则</caption>
          <thead>
            <tr>
              <th scope="col">规则</th>
              <th scope="col">起点</th>
              <th scope="col">应达到</th>
              <th scope="col">期限</th>
            </tr>
          </thead>
          <tbody>
            {stalledRules.map((rule) => (
              <tr key={rule.key}>
                <th scope="row">{rule.label}</th>
                <td>{milestoneLabel(rule.from)}</td>
                <td>{milestoneLabel(rule.to)}</td>
                <td>{deadlineText(rule)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsSection>
  );
}
