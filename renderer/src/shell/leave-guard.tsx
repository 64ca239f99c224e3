// No edit is lost on the way out. A screen holding unsaved edits registers a guard (useLeaveGuard);
// every move through the navigation context (the left navigation, Ctrl+K, Ctrl+N, a page's own
// links) asks the dirty guards first, in one dialog: 保存并离开, 不保存, 留在此页. A save that fails
// or finds errors keeps the user on the page, where the screen shows why. Closing or reloading the
// window while a guard is dirty raises the browser's beforeunload question (in Electron the main
// process answers it with its own box, see electron/unload-guard.ts).
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
import { NavigationContext } from './navigation';
import type { Navigate, Place } from './navigation';

export interface LeaveGuard {
  dirty: boolean;
  /** What would be lost, named for the dialog: 「项目「…」的修改」. */
  what: string;
  /** Saves the edits; false when the save failed or found errors (the screen shows why). */
  save: () => Promise<boolean>;
  /** The user leaves without saving: drop whatever the screen keeps of the edits. */
  discard?: () => void;
}

type GuardRef = { current: LeaveGuard };
type Register = (guard: GuardRef) => () => void;

const RegisterContext = createContext<Register | null>(null);

/** Registers the screen's guard while it is mounted; the latest values are asked each time. */
export function useLeaveGuard(guard: LeaveGuard): void {
  const ref = useRef(guard);
  useLayoutEffect(() => {
    ref.current = guard;
  });
  const register = useContext(RegisterContext);
  useEffect(() => register?.(ref), [register]);
}

export interface GuardedNavigation {
  navigate: Navigate;
  register: Register;
  /** The place a move waits to go to while the dialog asks. */
  pending: Place | null;
  stay: () => void;
  leave: (save: boolean) => Promise<void>;
  dirtyGuards: () => LeaveGuard[];
}

/** The shell's side: `go` moves the window; the answer's `navigate` asks the guards first. */
export function useGuardedNavigation(go: (place: Place) => void): GuardedNavigation {
  const [guards] = useState(() => new Set<GuardRef>());
  const [pending, setPending] = useState<Place | null>(null);
  const [register] = useState<Register>(() => (guard: GuardRef) => {
    guards.add(guard);
    return () => {
      guards.delete(guard);
    };
  });
  const dirtyGuards = () => [...guards].map((g) => g.current).filter((g) => g.dirty);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (![...guards].some((g) => g.current.dirty)) return;
      e.preventDefault();
      // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [guards]);

  return {
    navigate: (place, options) => {
      const dirty = dirtyGuards();
      if (dirty.length === 0) return go(place);
      if (options?.discard) {
        for (const guard of dirty) guard.discard?.();
        return go(place);
      }
      setPending(place);
    },
    register,
    pending,
    stay: () => setPending(null),
    leave: async (save) => {
      const place = pending;
      if (!place) return;
      for (const guard of dirtyGuards()) {
        if (!save) guard.discard?.();
        else if (!(await guard.save())) {
          setPending(null);
          return;
        }
      }
      setPending(null);
      go(place);
    },
    dirtyGuards,
  };
}

/** Gives the screens below the guarded navigation, and shows the question while a move waits. */
export function LeaveGuardScope({
  guarded,
  children,
}: {
  guarded: GuardedNavigation;
  children: ReactNode;
}) {
  return (
    <RegisterContext.Provider value={guarded.register}>
      <NavigationContext.Provider value={guarded.navigate}>
        {children}
        {guarded.pending ? <LeaveDialog guarded={guarded} /> : null}
      </NavigationContext.Provider>
    </RegisterContext.Provider>
  );
}

function LeaveDialog({ guarded }: { guarded: GuardedNavigation }) {
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [whats] = useState(() => guarded.dirtyGuards().map((g) => g.what));
  const stay = () => {
    if (!saving) guarded.stay();
  };
  return (
    <Dialog
      className="dialog leave-dialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-what`}
      onCancel={stay}
    >
      <h2 id={`${id}-title`}>有未保存的修改</h2>
      <div id={`${id}-what`}>
        {whats.length === 1 ? (
          <p>{whats[0]}尚未保存。离开前要保存吗？</p>
        ) : (
          <>
            <p>以下修改尚未保存。离开前要保存吗？</p>
            <ul>
              {whats.map((what, i) => (
                <li key={i}>{what}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="secondary-button" disabled={saving} onClick={stay}>
          留在此页
        </button>
        <button
          type="button"
          className="secondary-button"
          disabled={saving}
          onClick={() => void guarded.leave(false)}
        >
          不保存
        </button>
        <button
          type="button"
          className="primary-button"
          disabled={saving}
          // The first button a keyboard user reaches: Enter keeps the work.
          autoFocus
          onClick={() => {
            setSaving(true);
            void guarded.leave(true).finally(() => setSaving(false));
          }}
        >
          {saving ? '正在保存……' : '保存并离开'}
        </button>
      </div>
    </Dialog>
  );
}
