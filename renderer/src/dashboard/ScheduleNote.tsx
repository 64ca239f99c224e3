// The line under the pickers saying how 序时 is read: its basis and the day the year's figures count
// to, that a future year has not started, or that a closed year is read at its end (or at the later
// date chosen).
import type { Dashboard } from '../../../domain/dashboard';
import { percentText } from './dashboard-format';

/** 2021-04-30 → 4月30日 */
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function scheduleNote(dashboard: Dashboard): string {
  const { year, asOf, basis, actualsThrough } = dashboard;
  switch (dashboard.yearStatus) {
    case 'not_started':
      return `${year}年未开始：不计序时进度，不亮灯`;
    case 'ended':
      return asOf === `${year}-12-31`
        ? `${year}年全年，按年末（12月31日）状态统计`
        : `${year}年全年，按 ${asOf} 的状态统计（终止、落地等以该日为准）`;
    case 'in_progress':
      if (basis === 'days') return `按日计算：数据统计至 ${monthDay(asOf)}，序时为已过天数占全年`;
      return actualsThrough === null
        ? '按月计算：1月尚未结束，数据暂不计入，序时为 0'
        : `按月计算：数据统计至 ${monthDay(actualsThrough)}（已过完的月份），序时为已过完月数 ÷ 12`;
  }
}

export function ScheduleNote({ dashboard }: { dashboard: Dashboard }) {
  return (
    <>
      {dashboard.schedule === null ? (
        <strong>未开始</strong>
      ) : (
        <strong>序时进度 {percentText(dashboard.schedule)}</strong>
      )}
      <span className="dash-basis"> · {scheduleNote(dashboard)}</span>
    </>
  );
}
