// The main-process entry with Electron replaced by recording fakes: the scheme is registered before
// ready; on ready the session is hardened, the database opened, IPC wired and one window created with
// the policy's options, loading app://renderer/index.html; quitting closes the database.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../domain/contract';
import { windowOptions } from '../../electron/security';

/** Fresh fakes for one import of main.ts; the electron mock below hands out whichever is current. */
function makeFakeElectron(options: { userData: string; isPackaged: boolean; locked: boolean }) {
  let fireReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    fireReady = resolve;
  });

  class FakeWindow extends EventEmitter {
    static instances: FakeWindow[] = [];
    readonly loaded: string[] = [];
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
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    requestSingleInstanceLock: vi.fn(() => options.locked),
    quit: vi.fn(),
    whenReady: () => ready,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return options.userData;
    },
  });

  return {
    fireReady: () => fireReady(),
    FakeWindow,
    module: {
      app,
      BrowserWindow: FakeWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
        },
      },
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

let userData: string;
const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;

async function startMain(options: { isPackaged?: boolean; locked?: boolean } = {}) {
  const fake = makeFakeElectron({
    userData,
    isPackaged: options.isPackaged ?? true,
    locked: options.locked ?? true,
  });
  current.electron = fake;
  vi.resetModules();
  await import('../../electron/main');
  return fake;
}

beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'zhaoshang-main-'));
});

afterEach(() => {
  const fake = current.electron as FakeElectron | undefined;
  fake?.module.app.emit('will-quit');
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
    await vi.waitFor(() => expect(fake.FakeWindow.instances).toHaveLength(1));

    const [window] = fake.FakeWindow.instances;
    const options = window?.options as ReturnType<typeof windowOptions>;
    const preload = options.webPreferences?.preload ?? '';
    expect(path.basename(path.dirname(preload)) + '/' + path.basename(preload)).toBe(
      'preload/index.cjs',
    );
    expect(options).toEqual(windowOptions(preload, methodNames));
    // A packaged app ignores ELECTRON_RENDERER_URL.
    expect(window?.loaded).toEqual(['app://renderer/index.html']);

    expect(window?.shown).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);

    const { protocol, session, ipcMain, Menu } = fake.module;
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    expect(protocol.handle.mock.calls[0]?.[0]).toBe('app');
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls.map((call) => call[0]).sort()).toEqual(
      [...methodNames].sort(),
    );
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('keeps the database in the user-data folder and closes it on quit', async () => {
    const fake = await startMain();
    fake.fireReady();
    await vi.waitFor(() => expect(fake.FakeWindow.instances).toHaveLength(1));
    const file = path.join(userData, 'zhaoshang.sqlite');
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.install-id`)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(true);
    fake.module.app.emit('will-quit');
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(existsSync(`${file}-wal`)).toBe(false);
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

  it('loads the dev server in an unpackaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const fake = await startMain({ isPackaged: false });
    fake.fireReady();
    await vi.waitFor(() => expect(fake.FakeWindow.instances).toHaveLength(1));
    expect(fake.FakeWindow.instances[0]?.loaded).toEqual(['http://localhost:5173/']);
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
    await vi.waitFor(() => expect(fake.module.dialog.showErrorBox).toHaveBeenCalledTimes(1));
    expect(fake.module.dialog.showErrorBox.mock.calls[0]?.[0]).toContain('招商项目管理');
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(fake.FakeWindow.instances).toHaveLength(0);
  });
});
