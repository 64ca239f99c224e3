// Electron main-process entry: one instance, the database in the user-data folder (served by worker
// threads, db/host/, so that no query, import or export ever blocks this thread), the app://
// protocol, hardening for every page, IPC, and the one window, which is always shown and recovers
// from a failed load or a dead renderer. Thin on purpose: the policy lives in security.ts and
// window-lifecycle.ts.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { FileHandles } from '../db/file-handles';
import { openDatabaseHost } from '../db/host/database-host';
import type { DatabaseHost } from '../db/host/database-host';
import { backupDir } from '../db/services/backup-dir';
import { windowDispatch } from '../db/window-dispatch';
import { windowMethodNames } from '../domain/file-choice';
import { dialogPicker } from './file-dialogs';
import { registerIpc, trustedFrameCheck } from './ipc';
import type { Log } from './log';
import { createLog } from './log';
import { registerAppScheme, serveApp } from './protocol';
import {
  APP_INDEX_URL,
  APP_TITLE,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
  windowOptions,
} from './security';
import { userDataDirFromSwitch } from './user-data-dir';
import { guardUnload } from './unload-guard';
import { watchWindow } from './window-lifecycle';

export const DATABASE_FILE = 'zhaoshang.sqlite';
// The same name openAppDatabase uses by default, so the CLI finds it too.
export const INSTALL_ID_FILE = `${DATABASE_FILE}.install-id`;

// Bundled into out/main/, beside out/preload/index.cjs and out/renderer/.
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = path.join(import.meta.dirname, '../renderer');
const devServerUrl = devRendererUrl(app.isPackaged, process.env);

export const LOG_FILE = 'main.log';

let mainWindow: BrowserWindow | null = null;
let database: DatabaseHost | null = null;
// stderr only until the app is ready and its log folder is known.
let log: Log = createLog(null);

function logFile(): string | null {
  try {
    return path.join(app.getPath('logs'), LOG_FILE);
  } catch {
    return null;
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions(preloadPath, windowMethodNames, { devTools: !app.isPackaged }),
  );
  const url = devServerUrl ?? APP_INDEX_URL;
  const load = (): void => {
    window.loadURL(url).catch((error: unknown) => log('加载界面未完成', error));
  };
  watchWindow(window, {
    load,
    ask: async ({ title, message, detail }) => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'error',
        title,
        message,
        detail,
        buttons: ['重新加载', '退出'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return response === 0 ? 'reload' : 'quit';
    },
    quit: () => app.quit(),
    log,
  });
  // Unsaved edits in the page: closing asks first (the page's beforeunload vetoed it).
  guardUnload(window.webContents, (question) => dialog.showMessageBoxSync(window, question));
  window.on('closed', () => {
    mainWindow = null;
  });
  load();
  return window;
}

async function start(): Promise<void> {
  log = createLog(logFile());
  const userData = app.getPath('userData');
  const opened = await openDatabaseHost(path.join(userData, DATABASE_FILE), {
    installIdFile: path.join(userData, INSTALL_ID_FILE),
    // Once a day, a checked copy in the backups folder; the week's newest seven are kept.
    dailyBackup: true,
    log: (message, detail) => log(message, detail),
  });
  database = opened;
  hardenSession(session.defaultSession, {
    devServerUrl,
    onBlockedRequest: (url) => log('已拦截网络请求', url),
  });
  serveApp(protocol, rendererRoot);
  // The window names no path: it gets handles for files chosen in these dialogs.
  const pick = dialogPicker(
    dialog,
    () => mainWindow,
    (kind) => (kind === 'backup' ? backupDir(opened) : app.getPath('documents')),
  );
  const api = windowDispatch(opened.dispatch, new FileHandles(), pick);
  registerIpc(ipcMain, api, trustedFrameCheck(devServerUrl));
  Menu.setApplicationMenu(null);
  mainWindow = createWindow();
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// Before the single-instance lock, which is per user-data folder.
const userDataDir = userDataDirFromSwitch(app.commandLine.getSwitchValue('user-data-dir'));
if (userDataDir !== null) app.setPath('userData', userDataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the database: its calls are answered, its threads close their connections.
  app.on('will-quit', (event) => {
    const closing = database;
    if (closing === null) return;
    database = null;
    event.preventDefault();
    closing
      .close()
      .catch((error: unknown) => log('关闭数据库失败', error))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('启动失败', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${APP_TITLE}无法启动`, `打开数据库或创建窗口时出错：\n${detail}`);
      app.quit();
    });
}
