// 落地率口径, 五未规则 and 序时口径 with the 红黄绿灯 thresholds, the definitions the 看板 computes with
// (本部's: read-only on an office laptop of a zone).
import type { Settings } from '../../../domain/settings';
import { Card } from '../ui/Card';
import { LandingRuleForm } from './LandingRuleForm';
import { ScheduleRuleForm } from './ScheduleRuleForm';
import { StalledRulesForm } from './StalledRulesForm';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

export function RulesSection({ settings, onSaved, readOnly }: Props) {
  return (
    <Card
      id="settings-rules"
      title="落地率定义与五未规则"
      hint={
        readOnly
          ? '看板按这里的定义计算落地率、列出“五未”项目、对照序时亮灯；全区各驻点使用本部的同一套定义。'
          : '看板按这里的定义计算落地率、列出“五未”项目、对照序时亮灯；各驻点应使用同一套定义。'
      }
      className="settings-card settings-wide"
    >
      <div className="settings-rules-grid">
        <div className="settings-rules-side">
          <LandingRuleForm settings={settings} onSaved={onSaved} readOnly={readOnly} />
          <ScheduleRuleForm settings={settings} onSaved={onSaved} readOnly={readOnly} />
        </div>
        <StalledRulesForm settings={settings} onSaved={onSaved} readOnly={readOnly} />
      </div>
    </Card>
  );
}
