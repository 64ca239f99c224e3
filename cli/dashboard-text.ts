// The 看板 as plain text for a terminal: each target with its actual, completion, gap to 序时进度
// and light, under a head saying how 序时 is read.
import type { Dashboard, DashboardMetric } from '../domain/dashboard';
import { describeGap, lightLabels, scheduleBasisLabels } from '../domain/schedule';
import { formatWanUsd, formatYiYuan } from '../domain/money';

function amount(metric: DashboardMetric, value: number | null): string {
  if (value === null) return '—';
  switch (metric.unit) {
    case 'usd':
      return `${formatWanUsd(value)} 万美元`;
    case 'cny':
      return `${formatYiYuan(value)} 亿元`;
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'count':
      return `${value} 个`;
  }
}

const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`;

export function dashboardText(board: Dashboard): string {
  const schedule =
    board.schedule === null
      ? '未开始'
      : `序时进度 ${percent(board.schedule)}（${scheduleBasisLabels[board.basis]}，数据统计至 ${board.actualsThrough ?? '—'}）`;
  const head = `${board.year} 年看板（截至 ${board.asOf}，${board.office ?? '全区'}），${schedule}`;
  const lines = board.metrics.map((m) =>
    [
      m.label,
      `实际 ${amount(m, m.actual)}`,
      `确保 ${amount(m, m.guarantee)}（${percent(m.guaranteeCompletion)}）`,
      `力争 ${amount(m, m.strive)}（${percent(m.striveCompletion)}）`,
      m.scheduleGap === null ? '' : describeGap(m.scheduleGap),
      m.light === null ? '' : lightLabels[m.light],
    ]
      .filter(Boolean)
      .join('\t'),
  );
  const stalled = `“五未”项目 ${board.stalled.length} 项`;
  return [head, ...lines, stalled].join('\n');
}
