// The main-process entry with Electron replaced by recording fakes: the scheme is registered before
// ready; on ready the session is hardened, the database opened, IPC wired and one window created with
// the policy's options, loading app://renderer/index.html, recovering from a failed load or a dead
// renderer; the window's API refuses paths and takes files chosen in the app's own dialogs;
// quitting waits for the database (served by worker threads) to close.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../domain/errors';
import { windowMethodNames } from '../../domain/file-choice';
import { windowOptions } from '../../electron/security';

/** Fresh fakes for one import of main.ts; the electron mock below hands out whichever is current. */
function makeFakeElectron(options: {
  userData: string;
  isPackaged: boolean;
  locked: boolean;
  switches?: Record<string, string>;
}) {
  let fireReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    fireReady = resolve;
  });

  class FakeWindow extends EventEmitter {
    static instances: FakeWindow[] = [];
    readonly loaded: string[] = [];
    readonly webContents = new EventEmitter();
    shown = false;
    constructor(readonly options: unknown) {
      super();
      FakeWindow.instances.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isVisible(): boolean {
      return this.shown;
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
  }

  let userDataPath = options.userData;
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.locked;
    }),
    quit: vi.fn(),
    whenReady: () => ready,
    commandLine: { getSwitchValue: (name: string) => options.switches?.[name] ?? '' },
    setPath: vi.fn((name: string, value: string) => {
      if (name !== 'userData') throw new Error(`unexpected setPath(${name})`);
      calls.push(`setPath(userData)`);
      userDataPath = value;
    }),
    getPath: (name: string) => {
      // Electron derives the logs folder from userData, as here.
      if (name === 'userData') return userDataPath;
      if (name === 'logs') return path.join(userDataPath, 'logs');
      if (name === 'documents') return path.join(userDataPath, 'documents');
      throw new Error(`unexpected getPath(${name})`);
    },
  });

  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });

  return {
    fireReady: () => fireReady(),
    calls,
    FakeWindow,
    module: {
      app,
      BrowserWindow: FakeWindow,
      dialog: {
        showErrorBox: vi.fn(),
        showMessageBox: vi.fn((_window: unknown, _options: { buttons: string[] }) =>
          Promise.resolve({ response: 0, checkboxChecked: false }),
        ),
        // The index of the button pressed: the first unless a test says otherwise.
        showMessageBoxSync: vi.fn((_window: unknown, _options: { buttons: string[] }) => 0),
        showOpenDialog: vi.fn((_window: unknown, _options: unknown) =>
          Promise.resolve({ canceled: true, filePaths: [] as string[] }),
        ),
        showSaveDialog: vi.fn((_window: unknown, _options: unknown) =>
          Promise.resolve({ canceled: true, filePath: '' }),
        ),
      },
      ipcMain: { handle: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession },
    },
  };
}

type FakeElectron = ReturnType<typeof makeFakeElectron>;
const current = vi.hoisted(() => ({ electron: undefined as unknown }));

// Getters, so that each fresh import of main.ts sees the fakes of its own test.
vi.mock('electron', () => {
  const module = (): FakeElectron['module'] => (current.electron as FakeElectron).module;
  return {
    get app() {
      return module().app;
    },
    get BrowserWindow() {
      return module().BrowserWindow;
    },
    get dialog() {
      return module().dialog;
    },
    get ipcMain() {
      return module().ipcMain;
    },
    get Menu() {
      return module().Menu;
    },
    get protocol() {
      return module().protocol;
    },
    get session() {
      return module().session;
    },
  };
});

const APP_URL = 'app://renderer/index.html';
let userData: string;
const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;

async function startMain(
  options: { isPackaged?: boolean; locked?: boolean; switches?: Record<string, string> } = {},
) {
  const fake = makeFakeElectron({
    userData,
    isPackaged: options.isPackaged ?? true,
    locked: options.locked ?? true,
    switches: options.switches,
  });
  current.electron = fake;
  vi.resetModules();
  await import('../../electron/main');
  return fake;
}

beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'zhaoshang-main-'));
  // The main log echoes to stderr; the tests read its file instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

/** Waits for the window, which main.ts creates once the database's threads have opened it. */
async function opened(fake: FakeElectron): Promise<void> {
  await vi.waitFor(() => expect(fake.FakeWindow.instances).toHaveLength(1), { timeout: 20_000 });
}

/** Quits as Electron would: main.ts holds the quit until the database has closed, then quits. */
async function quit(fake: FakeElectron): Promise<void> {
  const { app } = fake.module;
  const quits = app.quit.mock.calls.length;
  const event = { preventDefault: vi.fn() };
  app.emit('will-quit', event);
  if (event.preventDefault.mock.calls.length === 0) return;
  await vi.waitFor(() => expect(app.quit.mock.calls.length).toBeGreaterThan(quits), {
    timeout: 10_000,
  });
}

afterEach(async () => {
  const fake = current.electron as FakeElectron | undefined;
  if (fake) await quit(fake);
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
});

describe('main.ts', () => {
  it('registers the app:// scheme before ready and opens nothing yet', async () => {
    const fake = await startMain();
    const { protocol } = fake.module;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(fake.FakeWindow.instances).toHaveLength(0);
    expect(fake.module.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('on ready creates one hardened window on app://renderer/index.html', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const fake = await startMain({ isPackaged: true });
    fake.fireReady();
    await opened(fake);

    const [window] = fake.FakeWindow.instances;
    const options = window?.options as ReturnType<typeof windowOptions>;
    const preload = options.webPreferences?.preload ?? '';
    expect(path.basename(path.dirname(preload)) + '/' + path.basename(preload)).toBe(
      'preload/index.cjs',
    );
    expect(options).toEqual(windowOptions(preload, windowMethodNames, { devTools: false }));
    // A packaged app ignores ELECTRON_RENDERER_URL.
    expect(window?.loaded).toEqual(['app://renderer/index.html']);

    expect(window?.shown).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);

    const { protocol, session, ipcMain, Menu } = fake.module;
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    expect(protocol.handle.mock.calls[0]?.[0]).toBe('app');
    const { defaultSession } = session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setDisplayMediaRequestHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    for (const picker of ['select-hid-device', 'select-usb-device', 'select-serial-port']) {
      expect(defaultSession.listenerCount(picker), picker).toBe(1);
    }
    expect(ipcMain.handle.mock.calls.map((call) => call[0]).sort()).toEqual(
      [...windowMethodNames].sort(),
    );
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('refuses a path from the window and takes files chosen in its own dialogs', async () => {
    const fake = await startMain();
    fake.fireReady();
    await opened(fake);
    const [window] = fake.FakeWindow.instances;
    const handlers = new Map(
      fake.module.ipcMain.handle.mock.calls.map(
        (call) => call as unknown as [string, (event: unknown, input: unknown) => Promise<unknown>],
      ),
    );
    const fromApp = { senderFrame: { url: APP_URL, parent: null } };
    const invoke = (method: string, input?: unknown) => handlers.get(method)!(fromApp, input);
    await expect(invoke('app.init', { user: '张三', office: '上海' })).resolves.toMatchObject({
      ok: true,
    });
    const made = (await invoke('backup.create')) as { ok: true; data: { file: string } };
    const backups = path.join(userData, 'backups');
    expect(path.dirname(made.data.file)).toBe(backups);

    // The app's own page naming the file is refused: only a dialog's choice counts.
    await expect(invoke('backup.check', { file: made.data.file })).resolves.toEqual({
      ok: false,
      code: 'FILE_NOT_CHOSEN',
      message: errorMessages.FILE_NOT_CHOSEN,
    });
    await expect(
      invoke('sync.export', { out: path.join(userData, 'zhaoshang.sqlite'), full: true }),
    ).resolves.toMatchObject({ ok: false, code: 'FILE_NOT_CHOSEN' });

    const { showOpenDialog, showSaveDialog } = fake.module.dialog;
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [made.data.file] });
    const chosen = (await invoke('file.choose', { use: 'open', kind: 'backup' })) as {
      ok: true;
      data: { handle: string; path: string };
    };
    expect(chosen).toMatchObject({ ok: true, data: { path: made.data.file } });
    expect(showOpenDialog).toHaveBeenCalledTimes(1);
    expect(showOpenDialog.mock.calls[0]?.[0]).toBe(window);
    expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: backups,
      filters: [
        { name: '数据库备份', extensions: ['sqlite'] },
        { name: '所有文件', extensions: ['*'] },
      ],
      properties: ['openFile', 'dontAddToRecent'],
    });
    await expect(invoke('backup.check', { file: chosen.data.handle })).resolves.toMatchObject({
      ok: true,
      data: { file: made.data.file },
    });

    // A cancelled save dialog is null; a chosen file is written by its handle.
    const saveAs = path.join(userData, 'documents', '全量.zsync');
    await expect(
      invoke('file.choose', { use: 'save', kind: 'sync', name: '全量.zsync' }),
    ).resolves.toEqual({ ok: true, data: null });
    expect(showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: saveAs });
    mkdirSync(path.dirname(saveAs), { recursive: true });
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: saveAs });
    const saved = (await invoke('file.choose', {
      use: 'save',
      kind: 'sync',
      name: '全量.zsync',
    })) as {
      data: { handle: string };
    };
    await expect(
      invoke('sync.export', { out: saved.data.handle, full: true }),
    ).resolves.toMatchObject({ ok: true, data: { file: saveAs } });
    expect(existsSync(saveAs)).toBe(true);
  });

  it('keeps the database in the user-data folder and closes it on quit', async () => {
    const fake = await startMain();
    fake.fireReady();
    await opened(fake);
    const file = path.join(userData, 'zhaoshang.sqlite');
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.install-id`)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await quit(fake);
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('keeps everything in the folder --user-data-dir names, set before the instance lock', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'zhaoshang-other-'));
    try {
      const fake = await startMain({ switches: { 'user-data-dir': other } });
      expect(fake.calls).toEqual(['setPath(userData)', 'requestSingleInstanceLock']);
      fake.fireReady();
      await opened(fake);
      expect(existsSync(path.join(other, 'zhaoshang.sqlite'))).toBe(true);
      expect(existsSync(path.join(userData, 'zhaoshang.sqlite'))).toBe(false);
      await quit(fake);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('ignores a relative --user-data-dir', async () => {
    const fake = await startMain({ switches: { 'user-data-dir': 'data' } });
    expect(fake.module.app.setPath).not.toHaveBeenCalled();
  });

  it('hardens every web contents the app creates', async () => {
    const fake = await startMain();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.module.app.emit('web-contents-created', {}, contents);
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('loads the dev server, with DevTools, in an unpackaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const fake = await startMain({ isPackaged: false });
    fake.fireReady();
    await opened(fake);
    const [window] = fake.FakeWindow.instances;
    expect(window?.loaded).toEqual(['http://localhost:5173/']);
    const options = window?.options as ReturnType<typeof windowOptions>;
    expect(options.webPreferences?.devTools).toBe(true);
    // The session lets the dev server through, and nothing else.
    const onBeforeRequest = fake.module.session.defaultSession.webRequest.onBeforeRequest;
    const listener = onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const cancelled: boolean[] = [];
    for (const url of ['ws://localhost:5173/', 'https://example.com/']) {
      listener({ url }, (response) => cancelled.push(response.cancel));
    }
    expect(cancelled).toEqual([false, true]);
  });

  it('has no DevTools in a packaged app', async () => {
    const fake = await startMain({ isPackaged: true });
    fake.fireReady();
    await opened(fake);
    const options = fake.FakeWindow.instances[0]?.options as ReturnType<typeof windowOptions>;
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('reloads a page that failed to load, then asks in Chinese, and logs to a file', async () => {
    const fake = await startMain();
    fake.fireReady();
    await opened(fake);
    const [window] = fake.FakeWindow.instances;
    if (window === undefined) throw new Error('no window');
    const fail = () =>
      window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_URL, true);

    fail();
    expect(window.loaded).toEqual([APP_URL, APP_URL]);
    expect(fake.module.dialog.showMessageBox).not.toHaveBeenCalled();

    fail();
    expect(window.shown).toBe(true);
    const { showMessageBox } = fake.module.dialog;
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledTimes(1));
    expect(showMessageBox.mock.calls[0]?.[0]).toBe(window);
    expect(showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'error',
      title: '招商项目管理',
      buttons: ['重新加载', '退出'],
      cancelId: 1,
    });
    // The dialog answers 0, "重新加载".
    await vi.waitFor(() => expect(window.loaded).toHaveLength(3));
    expect(fake.module.app.quit).not.toHaveBeenCalled();

    const log = readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('界面加载失败');
    expect(log).toContain('ERR_FILE_NOT_FOUND');
  });

  it('reloads after the renderer dies, and quits if the user chooses to', async () => {
    const fake = await startMain();
    fake.module.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    fake.fireReady();
    await opened(fake);
    const [window] = fake.FakeWindow.instances;
    const gone = () =>
      window?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    gone();
    expect(window?.loaded).toEqual([APP_URL, APP_URL]);
    gone();
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalledTimes(1));
    expect(window?.loaded).toHaveLength(2);
  });

  it('asks before a window with unsaved edits closes; only 「不保存，关闭」 lets it go', async () => {
    const fake = await startMain();
    fake.fireReady();
    await opened(fake);
    const [window] = fake.FakeWindow.instances;
    const { dialog } = fake.module;
    const unload = () => {
      const event = { preventDefault: vi.fn() };
      window?.webContents.emit('will-prevent-unload', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    // 留在此页 (also Esc and closing the box): the page's veto stands, the window stays.
    expect(unload()).toBe(false);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    const [parent, question] = dialog.showMessageBoxSync.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(question).toMatchObject({
      message: '有未保存的修改，仍要关闭吗？',
      buttons: ['留在此页', '不保存，关闭'],
      defaultId: 0,
      cancelId: 0,
    });
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    expect(unload()).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = await startMain({ locked: false });
    expect(fake.module.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    fake.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.FakeWindow.instances).toHaveLength(0);
  });

  it('shows a Chinese error and quits if the database cannot be opened', async () => {
    const fake = await startMain();
    // A folder where the database file should be makes opening fail.
    mkdirSync(path.join(userData, 'zhaoshang.sqlite'));
    fake.fireReady();
    await vi.waitFor(() => expect(fake.module.dialog.showErrorBox).toHaveBeenCalledTimes(1), {
      timeout: 20_000,
    });
    expect(fake.module.dialog.showErrorBox.mock.calls[0]?.[0]).toContain('招商项目管理');
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8')).toContain('启动失败');
    expect(fake.FakeWindow.instances).toHaveLength(0);
  });
});
