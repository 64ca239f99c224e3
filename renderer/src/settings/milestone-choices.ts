// The milestones as a select offers them (签约, 注册 …), for the 落地率 and 五未 rules.
import { milestones } from '../../../domain/lifecycle';
import type { MilestoneStage } from '../../../domain/lifecycle';
import type { Choice } from '../ui/Select';

export const milestoneChoices: readonly Choice<MilestoneStage>[] = milestones.map((m) => ({
  value: m.stage,
  label: m.label,
}));
