// One ECharts chart in a sized box: created on mount, updated when its option changes, resized with
// its box and again before printing (the printed page is narrower than the window). ECharts loads
// with the first chart, and charts are drawn after the page around them is painted, so the 看板's
// figures show before the charts' code has run.
import { useEffect, useRef } from 'react';
import type * as Charts from './echarts-setup';
import type { ChartOption, echarts } from './echarts-setup';

let chartsLoaded: Promise<typeof Charts> | undefined;
const loadCharts = () => (chartsLoaded ??= import('./echarts-setup'));

/** Resolves once the browser has painted what is in the DOM now. */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers (the numbers are also in the table beside it). */
  label: string;
  className?: string;
  onClick?: (click: ChartClick) => void;
}

export function EChart({ option, label, className, onClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ instance: echarts.ECharts; base: ChartOption } | null>(null);
  const clickRef = useRef(onClick);
  const optionRef = useRef(option);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let live = true;
    let dispose = () => {};
    // Charts are drawn after the screen around them has been painted: the figures come first.
    void afterPaint()
      .then(loadCharts)
      .then(({ echarts, baseOption }) => {
        const el = box.current;
        if (!live || !el) return;
        const instance = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
        chart.current = { instance, base: baseOption };
        instance.setOption({ ...baseOption, ...optionRef.current }, { notMerge: true });
        dispose = follow(el, instance, (click) => clickRef.current?.(click));
      });
    return () => {
      live = false;
      dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    const current = chart.current;
    current?.instance.setOption({ ...current.base, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className ? `dash-chart ${className}` : 'dash-chart'}
      role="img"
      aria-label={label}
    />
  );
}

/** Wires a chart to clicks, its box's size and printing; returns what disposes of it. */
function follow(
  el: HTMLDivElement,
  instance: echarts.ECharts,
  onClick: (click: ChartClick) => void,
): () => void {
  instance.on('click', (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number };
    if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
      onClick({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
    }
  });
  const resize = () => instance.resize();
  const observer = new ResizeObserver(resize);
  observer.observe(el);
  const print = window.matchMedia('print');
  print.addEventListener('change', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  return () => {
    observer.disconnect();
    print.removeEventListener('change', resize);
    window.removeEventListener('beforeprint', resize);
    window.removeEventListener('afterprint', resize);
    instance.dispose();
  };
}
