// One ECharts chart in a sized box: created on mount, updated when its option changes, resized with
// its box and again before printing (the printed page is narrower than the window).
import { useEffect, useRef } from 'react';
import type { ChartOption } from './echarts-setup';
import { baseOption, echarts } from './echarts-setup';

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
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number };
      if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
        clickRef.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
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
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...baseOption, ...option }, { notMerge: true });
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
