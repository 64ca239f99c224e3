// The 台账's row window against TanStack Virtual's own range for the same list of equal rows: the
// grid renders exactly the rows the virtualizer rendered once scrolled, without its per-row offsets.
import { Virtualizer } from '@tanstack/react-virtual';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../renderer/src/ledger/row-window';
import type { RowList, Viewport } from '../../renderer/src/ledger/row-window';

/** The indexes TanStack Virtual renders for a list of equal rows scrolled to the viewport. */
function tanstackIndexes(list: RowList, { scrollTop, height }: Viewport): number[] {
  const virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
    count: list.count,
    getScrollElement: () => null,
    estimateSize: () => list.rowHeight,
    overscan: list.overscan,
    scrollMargin: list.offsetTop,
    initialRect: { width: 1000, height },
    initialOffset: scrollTop,
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
    scrollToFn: () => undefined,
  });
  return virtualizer.getVirtualItems().map((item) => item.index);
}

function windowIndexes(list: RowList, viewport: Viewport): number[] {
  const { first, last } = rowWindow(list, viewport);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  return indexes;
}

describe('rowWindow', () => {
  const ledger = { rowHeight: 34, offsetTop: 38, overscan: 10 };

  it('renders the rows TanStack Virtual rendered, at the top, inside, at the end and past it', () => {
    for (const count of [0, 1, 3, 17, 27, 200, 100_000]) {
      for (const height of [0, 34, 500, 597, 768]) {
        for (const scrollTop of [
          0,
          1,
          17,
          33,
          34,
          38,
          72,
          3_405,
          count * 34 - 300,
          count * 34 + 40,
        ]) {
          const viewport = { scrollTop: Math.max(0, scrollTop), height };
          const list = { ...ledger, count };
          expect(windowIndexes(list, viewport), JSON.stringify({ count, ...viewport })).toEqual(
            tanstackIndexes(list, viewport),
          );
        }
      }
    }
  });

  it('agrees with TanStack Virtual for any list, row height, offset, overscan and viewport', () => {
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 0, max: 5_000 }),
          rowHeight: fc.integer({ min: 1, max: 80 }),
          offsetTop: fc.integer({ min: 0, max: 100 }),
          overscan: fc.integer({ min: 0, max: 20 }),
        }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (list, scrollTop, height) => {
          const viewport = { scrollTop, height };
          expect(windowIndexes(list, viewport)).toEqual(tanstackIndexes(list, viewport));
        },
      ),
    );
  });

  it('gives the height of all the rows', () => {
    expect(
      rowWindow({ ...ledger, count: 100_000 }, { scrollTop: 0, height: 600 }).totalHeight,
    ).toBe(3_400_000);
  });
});
