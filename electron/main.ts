// Electron main-process entry: one instance, the database in the user-data folder, the app:// protocol,
// hardening for every page, IPC, and the one window. Thin on purpose: the policy lives in security.ts.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { AppDatabase } from '../db/app-database';
import { openAppDatabase } from '../db/app-database';
import { createDispatcher } from '../db/dispatcher';
import { methodNames } from '../domain/contract';
import { registerIpc, trustedFrameCheck } from './ipc';
import { registerAppScheme, serveApp } from './protocol';
import {
  APP_INDEX_URL,
  APP_TITLE,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
  windowOptions,
} from './security';

export const DATABASE_FILE = 'zhaoshang.sqlite';
// The same name openAppDatabase uses by default, so the CLI finds it too.
export const INSTALL_ID_FILE = `${DATABASE_FILE}.install-id`;

// Bundled into out/main/, beside out/preload/index.cjs and out/renderer/.
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = path.join(import.meta.dirname, '../renderer');
const devServerUrl = devRendererUrl(app.isPackaged, process.env);

let mainWindow: BrowserWindow | null = null;
let database: AppDatabase | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, methodNames));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(devServerUrl ?? APP_INDEX_URL).catch((error: unknown) => {
    console.error('加载界面失败', error);
  });
  return window;
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  database = await openAppDatabase(path.join(userData, DATABASE_FILE), {
    installIdFile: path.join(userData, INSTALL_ID_FILE),
  });
  hardenSession(session.defaultSession);
  serveApp(protocol, rendererRoot);
  registerIpc(ipcMain, createDispatcher(database), trustedFrameCheck(devServerUrl));
  Menu.setApplicationMenu(null);
  mainWindow = createWindow();
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    database?.close();
    database = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${APP_TITLE}无法启动`, `打开数据库或创建窗口时出错：\n${detail}`);
      app.quit();
    });
}
