// The age-based retention of the daily backups: the newest copy always stays, the copies kept
// depend on their ages alone, and the kept set is stable (pruning again deletes nothing).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { backupsToKeep } from '../../domain/backup-retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 5, 9, 0, 0);

/** Copies up to two years old (a few from a clock running ahead), with distinct ids. */
const copies = fc
  .array(fc.integer({ min: -2 * DAY, max: 730 * DAY }), { minLength: 1, maxLength: 60 })
  .map((ages) => ages.map((age, id) => ({ id, at: NOW - age })));

const ids = (kept: { id: number }[]) => kept.map((c) => c.id).sort((a, b) => a - b);

describe('backupsToKeep', () => {
  test('always keeps the newest copy', () => {
    fc.assert(
      fc.property(copies, (all) => {
        const newest = Math.max(...all.map((c) => c.at));
        expect(backupsToKeep(all, NOW).some((c) => c.at === newest)).toBe(true);
      }),
    );
  });

  test('the set kept depends only on the ages: not on the order, nor on when it is asked', () => {
    fc.assert(
      fc.property(
        copies,
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.func(fc.integer()),
        (all, shift, key) => {
          const kept = ids(backupsToKeep(all, NOW));
          const shuffled = [...all].sort((a, b) => key(a.id) - key(b.id) || a.id - b.id);
          expect(ids(backupsToKeep(shuffled, NOW))).toEqual(kept);
          const shifted = all.map((c) => ({ id: c.id, at: c.at + shift }));
          expect(ids(backupsToKeep(shifted, NOW + shift))).toEqual(kept);
        },
      ),
    );
  });

  test('keeps every copy of the last 7 days, and pruning again deletes nothing', () => {
    fc.assert(
      fc.property(copies, (all) => {
        const kept = backupsToKeep(all, NOW);
        for (const c of all) if (NOW - c.at < 7 * DAY) expect(kept).toContain(c);
        expect(ids(backupsToKeep(kept, NOW))).toEqual(ids(kept));
      }),
    );
  });

  test('a year of daily copies keeps 7 days, 7 weeks and 11 spans of 30 days: 25 files, not 365', () => {
    const year = Array.from({ length: 365 }, (_, day) => ({ id: day, at: NOW - day * DAY }));
    const kept = backupsToKeep(year, NOW).map((c) => (NOW - c.at) / DAY);
    expect(kept).toEqual([
      0, 1, 2, 3, 4, 5, 6, 13, 20, 27, 34, 41, 48, 55, 85, 115, 145, 175, 205, 235, 265, 295, 325,
      355, 364,
    ]);
  });

  test('a copy older than a year goes, unless it is the only one left', () => {
    const old = { id: 1, at: NOW - 400 * DAY };
    expect(backupsToKeep([old], NOW)).toEqual([old]);
    expect(backupsToKeep([old, { id: 2, at: NOW - 3 * DAY }], NOW).map((c) => c.id)).toEqual([2]);
  });
});
