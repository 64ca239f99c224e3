// Start-up requests made before React mounts, so the first screen's data is on its way while the
// page is still rendering: the first screen then takes the answer instead of asking again. An
// answer is taken once, only for exactly the same method and input, only while fresh, and only if
// the window has called no method that may change data since it was asked (a new 落地率 rule, a
// saved project); a failed one (a database not set up yet) is asked again.
import type { MethodArgs, MethodName, MethodOutput } from '../../../domain/contract';
import { call, writesMade } from './client';

const FRESH_MS = 3_000;

interface Early {
  answer: Promise<unknown>;
  at: number;
  /** Writes made by then. */
  writes: number;
  /** Set once the answer has arrived, so a first render can use it without waiting. */
  arrived?: { value: unknown };
}

const early = new Map<string, Early>();
/** Still answers the same question: fresh, and nothing written since. */
const usable = (entry: Early) =>
  performance.now() - entry.at <= FRESH_MS && writesMade() === entry.writes;
const keyOf = (method: MethodName, input: unknown) => `${method} ${JSON.stringify(input ?? null)}`;

/** Asks now, unless the same request is already on its way or has freshly arrived. */
export function prefetch<M extends MethodName>(method: M, input: MethodArgs<M>): void {
  const pending = early.get(keyOf(method, input));
  if (pending && usable(pending)) return;
  const answer = (call as (m: M, i: MethodArgs<M>) => Promise<MethodOutput<M>>)(method, input);
  const entry: Early = { answer, at: performance.now(), writes: writesMade() };
  // A failure is seen (and retried) by whoever takes it.
  answer.then(
    (value) => (entry.arrived = { value }),
    () => undefined,
  );
  early.set(keyOf(method, input), entry);
}

/** A matching fresh prefetch's answer if it has already arrived (taken once), else null. */
export function takeArrived<M extends MethodName>(
  method: M,
  input: MethodArgs<M>,
): { value: MethodOutput<M> } | null {
  const key = keyOf(method, input);
  const hit = early.get(key);
  if (!hit?.arrived || !usable(hit)) return null;
  early.delete(key);
  return hit.arrived as { value: MethodOutput<M> };
}

/** `call`, answered by a matching fresh prefetch when there is one. */
export function callEarly<M extends MethodName>(
  method: M,
  input: MethodArgs<M>,
): Promise<MethodOutput<M>> {
  const fresh = () => (call as (m: M, i: MethodArgs<M>) => Promise<MethodOutput<M>>)(method, input);
  const key = keyOf(method, input);
  const hit = early.get(key);
  early.delete(key);
  if (!hit || !usable(hit)) return fresh();
  return (hit.answer as Promise<MethodOutput<M>>).catch(fresh);
}
