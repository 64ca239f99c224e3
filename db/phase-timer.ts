// How long each phase of a job took, measured from the progress it reports: a phase lasts until the
// next one starts. For the report of a long operation (an import's phasesMs).
import type { ReportProgress } from './job-progress';

export function phaseTimer(report: ReportProgress, keyOf: (phase: string) => string) {
  const phasesMs: Record<string, number> = {};
  let current: { key: string; at: number } | null = null;
  const end = () => {
    if (current) {
      phasesMs[current.key] = (phasesMs[current.key] ?? 0) + performance.now() - current.at;
    }
    current = null;
  };
  const timed: ReportProgress = (phase, done, total) => {
    const key = keyOf(phase);
    if (current?.key !== key) {
      end();
      current = { key, at: performance.now() };
    }
    report(phase, done, total);
  };
  /** The milliseconds of each phase so far, rounded; ends the current one. */
  const result = () => {
    end();
    return Object.fromEntries(Object.entries(phasesMs).map(([k, ms]) => [k, Math.round(ms)]));
  };
  return { timed, result };
}
