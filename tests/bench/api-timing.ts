// Times API calls the way the app makes them: each shape once to prepare its statements, then
// RUNS times; prints p50 and p95 per shape and over all shapes, against a budget for the p95.
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';

export type Line = (label: string, value: string, budget?: string) => void;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Shape {
  label: string;
  method: string;
  input: unknown;
}

/** Returns the p95 over all shapes, in ms. */
export function timeShapes(
  app: AppDatabase,
  shapes: Shape[],
  runs: number,
  line: Line,
  summary: { label: string; budgetMs: number },
): number {
  const call = (s: Shape) => {
    const result = dispatchSync(app, s.method, s.input);
    if (!result.ok) throw new Error(`${s.method}: ${result.message}`);
  };
  const all: number[] = [];
  for (const shape of shapes) {
    call(shape);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      call(shape);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const p = (q: number) => percentile(times, q).toFixed(1);
    line(`  ${shape.label}`, `p50 ${p(50)}  p95 ${p(95)}`);
  }
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  line(`${summary.label}, all shapes: p50`, percentile(all, 50).toFixed(1));
  line(
    `${summary.label}, all shapes: p95`,
    p95.toFixed(1),
    `budget ${summary.budgetMs} ms → ${((p95 / summary.budgetMs) * 100).toFixed(0)}% of budget`,
  );
  return p95;
}
