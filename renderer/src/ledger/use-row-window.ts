// The rows of a fixed-height list to render, kept up with its scroll container (the 台账's grid): the
// window itself is arithmetic (row-window.ts), with no per-row offsets for 100,000 rows.
//
// The first render assumes the container is as tall as the window (it never is taller), so the first
// rows are in the very first commit, with no layout read while React commits; a ResizeObserver
// reports the real height after layout, and the next scroll renders exactly the rows around the
// view. Scrolling re-renders synchronously (flushSync) when the rows to show change, so a
// scrolled-to row is never painted blank.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow } from './row-window';
import type { RowList, RowWindow, Viewport } from './row-window';

export interface RowWindowOptions extends RowList {
  /** The element that scrolls; it must be in the DOM from the component's first commit. */
  scrollRef: RefObject<HTMLElement | null>;
}

export function useRowWindow(options: RowWindowOptions): RowWindow {
  const { scrollRef } = options;
  const [viewport, setViewport] = useState<Viewport>(() => ({
    scrollTop: 0,
    height: window.innerHeight,
  }));
  const current = rowWindow(options, viewport);
  // The options and rows of the last commit, for the scroll and size handlers to compare with.
  const committed = useRef({ options, current });
  useLayoutEffect(() => {
    committed.current = { options, current };
  });

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let height = -1;
    /**
     * Renders the rows around `next` unless they are those shown; after a resize (`sync` false),
     * also unless the rows shown include them: dropping rows below a smaller viewport would only
     * repaint the grid (the first measurement always finds the viewport smaller).
     */
    const show = (next: Viewport, sync: boolean) => {
      const { options, current } = committed.current;
      const needed = rowWindow(options, next);
      const kept = sync
        ? needed.first === current.first && needed.last === current.last
        : needed.first >= current.first && needed.last <= current.last;
      if (kept) return;
      if (sync) flushSync(() => setViewport(next));
      else setViewport(next);
    };
    const onScroll = () => {
      const next = {
        scrollTop: element.scrollTop,
        height: height < 0 ? element.clientHeight : height,
      };
      show(next, true);
    };
    // Called once after the first layout, then on every size change, with the layout done.
    const observer = new ResizeObserver(() => {
      height = element.clientHeight;
      show({ scrollTop: element.scrollTop, height }, false);
    });
    observer.observe(element);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef]);

  return current;
}
