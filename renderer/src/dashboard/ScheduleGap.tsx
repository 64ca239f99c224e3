// "领先/落后序时 N 个百分点" for a metric read against 序时进度, coloured ahead or behind.
import { describeGap } from '../../../domain/schedule';

export function ScheduleGap({ points }: { points: number | null }) {
  if (points === null) return null;
  const tone = points > 0 ? 'ahead' : points < 0 ? 'behind' : 'even';
  return <span className={`dash-gap dash-gap-${tone}`}>{describeGap(points)}</span>;
}
