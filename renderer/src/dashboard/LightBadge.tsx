// 红黄绿灯 of a figure against 序时: a coloured dot with its name, so it reads without colour too.
import type { Light } from '../../../domain/schedule';
import { lightLabels } from '../../../domain/schedule';

export function LightBadge({ light }: { light: Light | null }) {
  if (!light) return null;
  return <span className={`dash-light dash-light-${light}`}>{lightLabels[light]}</span>;
}
