// Hybrid logical clock (docs/sync.md S4): wall-clock milliseconds, a counter and the site id, serialised
// as fixed-width hex so that text order is time order. It never goes backwards.

export interface Clock {
  readonly ms: number;
  readonly counter: number;
}

const MAX_COUNTER = 0xffff;
export const HLC_LENGTH = 32;

/** The next clock for a local event: ahead of `last` and of the wall clock, if that is ahead. */
export function tick(last: Clock, wallMs: number): Clock {
  if (wallMs > last.ms) return { ms: wallMs, counter: 0 };
  // Borrow a millisecond rather than fail when one millisecond holds 65,536 events.
  if (last.counter >= MAX_COUNTER) return { ms: last.ms + 1, counter: 0 };
  return { ms: last.ms, counter: last.counter + 1 };
}

/** Moves the clock past a received one, so later local events sort after it. */
export function observe(last: Clock, seen: Clock): Clock {
  return compareClocks(seen, last) > 0 ? seen : last;
}

export function compareClocks(a: Clock, b: Clock): number {
  return a.ms - b.ms || a.counter - b.counter;
}

export function formatHlc(clock: Clock, siteId: string): string {
  return (
    clock.ms.toString(16).padStart(12, '0') + clock.counter.toString(16).padStart(4, '0') + siteId
  );
}

const HLC_PATTERN = /^[0-9a-f]{12}[0-9a-f]{4}[0-9a-f]{16}$/;

export function parseHlc(hlc: string): Clock & { siteId: string } {
  if (!HLC_PATTERN.test(hlc)) throw new Error(`malformed hlc: ${hlc}`);
  return {
    ms: parseInt(hlc.slice(0, 12), 16),
    counter: parseInt(hlc.slice(12, 16), 16),
    siteId: hlc.slice(16),
  };
}

export const ZERO_CLOCK: Clock = { ms: 0, counter: 0 };
