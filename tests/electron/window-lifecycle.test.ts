// The window is never left invisible or dead: shown on ready-to-show or after the timeout, reloaded
// once after a failed load or a dead renderer, and after that the user is asked (reload or quit).
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LifecycleDeps, RecoveryChoice } from '../../electron/window-lifecycle';
import { SHOW_TIMEOUT_MS, watchWindow } from '../../electron/window-lifecycle';

class FakeWindow extends EventEmitter {
  visible = false;
  destroyed = false;
  shows = 0;
  readonly webContents = new EventEmitter();
  show(): void {
    this.visible = true;
    this.shows += 1;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

interface Harness {
  window: FakeWindow;
  loads: number;
  quits: number;
  asked: { title: string; message: string; detail: string }[];
  logged: string[];
  answer: (choice: RecoveryChoice) => void;
}

function watch(options: Partial<LifecycleDeps> = {}): Harness {
  const window = new FakeWindow();
  let pending: ((choice: RecoveryChoice) => void) | undefined;
  const harness: Harness = {
    window,
    loads: 0,
    quits: 0,
    asked: [],
    logged: [],
    answer: (choice) => pending?.(choice),
  };
  watchWindow(window, {
    load: () => {
      harness.loads += 1;
    },
    ask: (message) => {
      harness.asked.push(message);
      return new Promise((resolve) => {
        pending = resolve;
      });
    },
    quit: () => {
      harness.quits += 1;
    },
    log: (message) => harness.logged.push(message),
    ...options,
  });
  return harness;
}

const failLoad = (window: FakeWindow, code = -106, isMainFrame = true): void => {
  window.webContents.emit(
    'did-fail-load',
    {},
    code,
    'ERR_INTERNET_DISCONNECTED',
    'app://renderer/',
    isMainFrame,
  );
};
const crash = (window: FakeWindow, reason = 'crashed'): void => {
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('showing the window', () => {
  it('shows it on ready-to-show, and the timeout then does nothing', () => {
    const { window, logged } = watch();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.shows).toBe(1);
    vi.advanceTimersByTime(SHOW_TIMEOUT_MS * 2);
    expect(window.shows).toBe(1);
    expect(logged).toEqual([]);
  });

  it('shows it anyway, and logs, when ready-to-show never comes', () => {
    const { window, logged } = watch();
    vi.advanceTimersByTime(SHOW_TIMEOUT_MS - 1);
    expect(window.visible).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.shows).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('未就绪');
  });

  it('waits a few seconds at most, and leaves a closed window alone', () => {
    expect(SHOW_TIMEOUT_MS).toBeGreaterThanOrEqual(2_000);
    expect(SHOW_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    const { window } = watch({ showTimeoutMs: 100 });
    window.destroyed = true;
    window.emit('closed');
    vi.advanceTimersByTime(1_000);
    expect(window.shows).toBe(0);
  });
});

describe('a failed load', () => {
  it('is reloaded once without asking', () => {
    const h = watch();
    failLoad(h.window);
    expect(h.loads).toBe(1);
    expect(h.asked).toEqual([]);
    expect(h.logged).toEqual(['界面加载失败', '界面加载失败，自动重新加载一次']);
  });

  it('then shows the window and asks in Chinese; "reload" loads again', async () => {
    const h = watch();
    failLoad(h.window);
    failLoad(h.window);
    expect(h.window.visible).toBe(true);
    expect(h.asked).toHaveLength(1);
    expect(h.asked[0]?.title).toBe('招商项目管理');
    expect(h.asked[0]?.message).toBe('界面加载失败。');
    expect(h.asked[0]?.detail).toContain('错误码 -106');
    h.answer('reload');
    await vi.waitFor(() => expect(h.loads).toBe(2));
    expect(h.quits).toBe(0);
  });

  it('"quit" quits', async () => {
    const h = watch({ autoReloads: 0 });
    failLoad(h.window);
    h.answer('quit');
    await vi.waitFor(() => expect(h.quits).toBe(1));
    expect(h.loads).toBe(0);
  });

  it('asks once while a question is open', () => {
    const h = watch({ autoReloads: 0 });
    failLoad(h.window);
    failLoad(h.window);
    crash(h.window);
    expect(h.asked).toHaveLength(1);
  });

  it('ignores subframes and loads replaced by another (ERR_ABORTED)', () => {
    const h = watch();
    failLoad(h.window, -106, false);
    failLoad(h.window, -3);
    expect(h.loads).toBe(0);
    expect(h.logged).toEqual([]);
  });

  it('quits, rather than hang, if the question cannot be shown', async () => {
    const h = watch({ autoReloads: 0, ask: () => Promise.reject(new Error('no dialog')) });
    failLoad(h.window);
    await vi.waitFor(() => expect(h.quits).toBe(1));
  });
});

describe('a dead renderer', () => {
  it('is reloaded once, then the user is asked, and every step is logged', () => {
    const h = watch();
    crash(h.window, 'oom');
    expect(h.loads).toBe(1);
    expect(h.asked).toEqual([]);
    crash(h.window, 'crashed');
    expect(h.asked).toHaveLength(1);
    expect(h.asked[0]?.message).toBe('界面进程意外退出。');
    expect(h.asked[0]?.detail).toContain('crashed');
    expect(h.window.visible).toBe(true);
    expect(h.logged.filter((line) => line.includes('界面进程'))).toHaveLength(3);
  });

  it('is ignored once the window is gone', () => {
    const h = watch();
    h.window.destroyed = true;
    crash(h.window);
    expect(h.loads).toBe(0);
    expect(h.asked).toEqual([]);
  });
});
