// The parts of Apache ECharts the 看板 uses, registered once: bar and line charts on a grid with
// legend, tooltip and mark lines, drawn as SVG so that charts stay sharp when the 看板 is printed.
import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** The app's CJK font stack, so chart labels match the page (SVG text otherwise uses sans-serif). */
export const chartFont =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

export const chartColors = ['#1f5fbf', '#e8833a', '#2e9d6a', '#8a5cc2', '#c23b4c', '#6b7c93'];

/** Options every chart shares: no animation (print and tests see the final frame), Chinese font. */
export const baseOption: ChartOption = {
  animation: false,
  color: chartColors,
  textStyle: { fontFamily: chartFont, fontSize: 12, color: '#1f2933' },
  // richText: the default HTML tooltip writes style="…" attributes, which the CSP forbids.
  tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
};

export { echarts };
