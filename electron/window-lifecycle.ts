// Keeps the one window from ever being an invisible or dead app: it is shown on ready-to-show, or
// after a few seconds anyway; a page that fails to load or a renderer that dies is reloaded once,
// and after that the user sees the window with a Chinese message and chooses to reload or quit.
import type { Log } from './log';
import { APP_TITLE } from './security';

/** Long enough for a slow disk on first start, short enough that nobody thinks the app hung. */
export const SHOW_TIMEOUT_MS = 5_000;

/** Chromium's net::ERR_ABORTED: a load replaced by another one (e.g. our own reload), not a failure. */
const ERR_ABORTED = -3;

/** The part of BrowserWindow this touches; a real BrowserWindow satisfies it. */
export interface WatchedWindow {
  show(): void;
  isVisible(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  once(event: 'closed', listener: () => void): unknown;
  readonly webContents: {
    on(
      event: 'did-fail-load',
      listener: (
        event: unknown,
        errorCode: number,
        errorDescription: string,
        validatedURL: string,
        isMainFrame: boolean,
      ) => void,
    ): unknown;
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
    ): unknown;
  };
}

export type RecoveryChoice = 'reload' | 'quit';

export interface LifecycleDeps {
  /** Loads the app page again (the URL the window was created with). */
  load(): void;
  /** Shows an error message box over the (visible) window and says what the user chose. */
  ask(message: { title: string; message: string; detail: string }): Promise<RecoveryChoice>;
  quit(): void;
  log: Log;
  showTimeoutMs?: number;
  /** How many failures are answered with a silent reload before the user is asked. */
  autoReloads?: number;
}

export function watchWindow(window: WatchedWindow, deps: LifecycleDeps): void {
  let autoReloads = deps.autoReloads ?? 1;
  let asking = false;

  const showNow = (): void => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };

  const timer = setTimeout(() => {
    if (window.isDestroyed() || window.isVisible()) return;
    deps.log(`窗口 ${deps.showTimeoutMs ?? SHOW_TIMEOUT_MS} ms 内未就绪，先显示出来`);
    showNow();
  }, deps.showTimeoutMs ?? SHOW_TIMEOUT_MS);
  window.once('ready-to-show', () => {
    clearTimeout(timer);
    showNow();
  });
  window.once('closed', () => clearTimeout(timer));

  const recover = (what: string, detail: string): void => {
    if (window.isDestroyed()) return;
    if (autoReloads > 0) {
      autoReloads -= 1;
      deps.log(`${what}，自动重新加载一次`);
      deps.load();
      return;
    }
    // Never leave the user with an invisible or blank window and no way out.
    clearTimeout(timer);
    showNow();
    if (asking) return;
    asking = true;
    deps
      .ask({
        title: APP_TITLE,
        message: `${what}。`,
        detail: `${detail}\n\n可以重新加载界面；数据已保存在本机，不会丢失。若反复出现，请退出后重新打开程序。`,
      })
      .then((choice) => {
        asking = false;
        deps.log(`用户选择：${choice === 'reload' ? '重新加载' : '退出'}`);
        if (choice === 'reload') deps.load();
        else deps.quit();
      })
      .catch((error: unknown) => {
        asking = false;
        deps.log('无法显示错误对话框，退出', error);
        deps.quit();
      });
  };

  window.webContents.on(
    'did-fail-load',
    (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      if (!isMainFrame || errorCode === ERR_ABORTED) return;
      deps.log('界面加载失败', { errorCode, errorDescription, url: validatedURL });
      recover('界面加载失败', `${errorDescription}（错误码 ${errorCode}）`);
    },
  );

  window.webContents.on('render-process-gone', (_event, details) => {
    deps.log('界面进程已退出', details);
    recover('界面进程意外退出', `原因：${details.reason}，退出码 ${details.exitCode}`);
  });
}
