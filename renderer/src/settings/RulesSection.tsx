// 落地率口径 and 五未规则, the two definitions the 看板 computes with.
import type { Settings } from '../../../domain/workspace';
import { LandingRuleForm } from './LandingRuleForm';
import { SettingsSection } from './SettingsSection';
import { StalledRulesForm } from './StalledRulesForm';
import './rules.css';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

export function RulesSection({ settings, onSaved }: Props) {
  return (
    <SettingsSection
      id="settings-rules"
      title="落地率定义与五未规则"
      hint="看板按这里的定义计算落地率、列出“五未”项目；各驻点应使用同一套定义。"
      className="settings-wide"
    >
      <div className="settings-rules-grid">
        <LandingRuleForm settings={settings} onSaved={onSaved} />
        <StalledRulesForm settings={settings} onSaved={onSaved} />
      </div>
    </SettingsSection>
  );
}
