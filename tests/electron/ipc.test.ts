// registerIpc wires every method of the window's API to ipcMain.handle once, refuses senders that are
// not the app's top frame without touching the dispatcher, and otherwise returns the real
// dispatcher's result; with the window's dispatch in front, a path in any input is refused and only
// a handle for a file chosen in the main process's dialog is taken.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { openAppDatabase } from '../../db/app-database';
import type { Dispatch } from '../../db/dispatcher';
import { createDispatcher } from '../../db/dispatcher';
import { FileHandles } from '../../db/file-handles';
import { windowDispatch } from '../../db/window-dispatch';
import { errorMessages } from '../../domain/errors';
import { pathInputs, windowMethodNames } from '../../domain/file-choice';
import { registerIpc, trustedFrameCheck } from '../../electron/ipc';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const handlers = vi.hoisted(() => new Map<string, Handler[]>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    },
  },
}));

/** An invoke event as Electron builds it, reduced to what the sender check reads. */
function eventFrom(url: string | null, isTopFrame = true): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent: isTopFrame ? null : { url } };
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}

function handlerFor(method: string): Handler {
  const [handler] = handlers.get(method) ?? [];
  if (handler === undefined) throw new Error(`no handler for ${method}`);
  return handler;
}

let workDir: string;
let database: AppDatabase;
let realDispatch: Dispatch;
const dispatched: string[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-ipc-'));
  database = await openAppDatabase(path.join(workDir, 'test.sqlite'));
  realDispatch = createDispatcher(database);
  const recording: Dispatch = (method, input) => {
    dispatched.push(method);
    return realDispatch(method, input);
  };
  registerIpc(ipcMain, recording, trustedFrameCheck());
});

afterAll(() => {
  database.close();
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  dispatched.length = 0;
});

const forbidden = {
  ok: false,
  code: 'FORBIDDEN_SENDER',
  message: errorMessages.FORBIDDEN_SENDER,
};

describe('registerIpc', () => {
  it('registers every method of the window API (the contract and file.choose) exactly once', () => {
    expect([...handlers.keys()].sort()).toEqual([...windowMethodNames].sort());
    for (const [channel, list] of handlers) expect(list, channel).toHaveLength(1);
  });

  it.each([
    ['another site', eventFrom('https://evil.example/')],
    ['a subframe of the app', eventFrom('app://renderer/index.html', false)],
    ['a look-alike host', eventFrom('app://renderer.evil/index.html')],
    ['a file:// page', eventFrom('file:///tmp/index.html')],
    ['a destroyed frame', eventFrom(null)],
  ])('refuses %s without calling the dispatcher', async (_name, event) => {
    for (const method of windowMethodNames) {
      await expect(handlerFor(method)(event, {}), method).resolves.toEqual(forbidden);
    }
    expect(dispatched).toEqual([]);
  });

  it("returns the dispatcher's result to the app's top frame", async () => {
    const event = eventFrom('app://renderer/index.html');
    const result = await handlerFor('app.status')(event, undefined);
    expect(dispatched).toEqual(['app.status']);
    expect(result).toEqual(await realDispatch('app.status', undefined));
    expect(result).toMatchObject({ ok: true });
  });

  it("passes the dispatcher's validation errors through unchanged", async () => {
    const event = eventFrom('app://renderer/');
    const result = await handlerFor('project.get')(event, { id: 42 });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('turns a dispatcher that throws into an INTERNAL result', async () => {
    const local = new Map<string, Handler>();
    const throwing: Dispatch = () => Promise.reject(new Error('boom'));
    registerIpc(
      { handle: (channel, handler) => void local.set(channel, handler) },
      throwing,
      () => true,
    );
    const handler = local.get('app.status');
    await expect(handler?.(eventFrom('app://renderer/'), undefined)).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: errorMessages.INTERNAL,
    });
  });
});

describe('trustedFrameCheck with a dev server', () => {
  it('trusts the dev server top frame only when told about it', () => {
    const devEvent = eventFrom('http://localhost:5173/');
    expect(trustedFrameCheck()(devEvent)).toBe(false);
    expect(trustedFrameCheck('http://localhost:5173/')(devEvent)).toBe(true);
    expect(
      trustedFrameCheck('http://localhost:5173/')(eventFrom('http://localhost:5173/', false)),
    ).toBe(false);
  });
});

describe('registerIpc with the window dispatch', () => {
  const app = eventFrom('app://renderer/index.html');
  const local = new Map<string, Handler>();
  const picks: string[] = [];
  let forwarded: string[];

  beforeAll(() => {
    const recording: Dispatch = (method, input) => {
      forwarded.push(method);
      return realDispatch(method, input);
    };
    const pick = () => Promise.resolve(picks.shift() ?? null);
    registerIpc(
      { handle: (channel, handler) => void local.set(channel, handler) },
      windowDispatch(recording, new FileHandles(), pick),
      trustedFrameCheck(),
    );
  });

  beforeEach(() => {
    forwarded = [];
  });

  const invoke = (method: string, input: unknown) => local.get(method)!(app, input);

  it("refuses a raw path in every path input, even from the app's own page", async () => {
    const passwd = path.join(workDir, 'passwd');
    for (const [method, spec] of Object.entries(pathInputs)) {
      await expect(invoke(method, { [spec!.field]: passwd }), method).resolves.toEqual({
        ok: false,
        code: 'FILE_NOT_CHOSEN',
        message: errorMessages.FILE_NOT_CHOSEN,
      });
    }
    expect(forwarded).toEqual([]);
  });

  it('takes the handle of a file chosen in the dialog', async () => {
    await expect(invoke('app.init', { user: '张三', office: '上海' })).resolves.toMatchObject({
      ok: true,
    });
    const file = path.join(workDir, 'chosen.sqlite');
    picks.push(file);
    const chosen = (await invoke('file.choose', { use: 'save', kind: 'backup' })) as {
      ok: true;
      data: { handle: string; path: string };
    };
    expect(chosen).toMatchObject({ ok: true, data: { path: file } });
    await expect(invoke('backup.create', { file: chosen.data.handle })).resolves.toMatchObject({
      ok: true,
      data: { file },
    });
    expect(forwarded).toEqual(['app.init', 'backup.create']);
  });
});
