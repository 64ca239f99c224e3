// Which rows of a list of equal-height rows are in or near view of its scroll container, given its
// scrollTop and height: arithmetic, so 100,000 rows cost no more than 10. Used by useRowWindow.

export interface RowList {
  /** Rows in the list. */
  count: number;
  /** Every row's height, px. */
  rowHeight: number;
  /** Space above the first row inside the scroll container (a sticky header), px. */
  offsetTop: number;
  /** Rows rendered beyond the visible ones on each side. */
  overscan: number;
}

export interface RowWindow {
  /** First and last row index to render (inclusive); last < first when there are none. */
  first: number;
  last: number;
  /** Height of all the rows, px. */
  totalHeight: number;
}

export interface Viewport {
  scrollTop: number;
  height: number;
}

/**
 * The rows in view, widened by the overscan: the rows TanStack Virtual rendered for the same list
 * (scrollMargin = offsetTop, every size = rowHeight), computed without its per-row offsets.
 */
export function rowWindow(
  { count, rowHeight, offsetTop, overscan }: RowList,
  { scrollTop, height }: Viewport,
): RowWindow {
  const totalHeight = count * rowHeight;
  if (count === 0 || height <= 0) return { first: 0, last: -1, totalHeight };
  const lastIndex = count - 1;
  // The rows end at offsetTop + totalHeight; scrolled further (the totals row below them), the view
  // is taken to end there.
  const maxScroll = Math.max(offsetTop + totalHeight - height, 0);
  const top = Math.min(Math.max(scrollTop, 0), maxScroll);
  // The row whose top is at or above the scroll offset, and the first one reaching the bottom edge.
  const start = clamp(Math.floor((top - offsetTop) / rowHeight), 0, lastIndex);
  const end = clamp(Math.ceil((top + height - offsetTop) / rowHeight) - 1, start, lastIndex);
  return {
    first: Math.max(start - overscan, 0),
    last: Math.min(end + overscan, lastIndex),
    totalHeight,
  };
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(Math.max(n, low), high);
}
