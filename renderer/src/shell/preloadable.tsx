// A screen whose code loads on demand and can be loaded ahead (when the window is idle), shown
// without Suspense: React holds back a suspended screen's content for 300 ms after showing its
// fallback, so a lazy() screen took at least that long to appear even when its code was already
// there. Until the code has arrived this shows the same 「正在加载…」 the frame's Suspense shows.
import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';

export interface Preloadable<P extends object> {
  Screen: ComponentType<P>;
  /** Starts loading the code (once); the screen then appears at once when first shown. */
  preload: () => Promise<ComponentType<P>>;
}

/** `load` runs once; `whileLoading` runs when the screen is shown before its code has arrived. */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
  whileLoading?: () => void,
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // asked again next time
        throw error;
      },
    ));

  function Screen(props: P) {
    const [component, setComponent] = useState(() => loaded);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      whileLoading?.();
      preload().then(
        (c) => live && setComponent(() => c),
        (e: unknown) => live && setError(e),
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (error) throw error; // to the frame's error handling, as a failed lazy() load would
    if (!component) {
      return (
        <p className="screen-loading" role="status">
          正在加载…
        </p>
      );
    }
    const Loaded = component;
    return <Loaded {...props} />;
  }
  return { Screen, preload };
}
