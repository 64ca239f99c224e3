// The window's API on a real database file: every path input refuses a path (the dispatcher is never
// reached), takes only a handle chosen for its purpose, and works with one; file.choose grants a
// handle for what the picker chose; listed backups come with handles that check and restore them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch as realDispatch } from '../../db/dispatcher';
import type { Dispatch } from '../../db/dispatcher';
import { FileHandles, MAX_FILE_HANDLES } from '../../db/file-handles';
import { windowDispatch } from '../../db/window-dispatch';
import type { FilePicker } from '../../db/window-dispatch';
import type { AppDatabase } from '../../db/app-database';
import { errorMessages } from '../../domain/errors';
import type { ApiResult } from '../../domain/errors';
import { pathInputs } from '../../domain/file-choice';
import type { ChosenFile, FileChoice } from '../../domain/file-choice';
import type { BackupInfo } from '../../domain/backups';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
let handles: FileHandles;
let picks: (string | null)[];
let asked: FileChoice[];
let dispatched: string[];
let api: Dispatch;

beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-window-');
  handles = new FileHandles();
  picks = [];
  asked = [];
  dispatched = [];
  const pick: FilePicker = (choice) => {
    asked.push(choice);
    return Promise.resolve(picks.shift() ?? null);
  };
  const recording: Dispatch = (method, input) => {
    dispatched.push(method);
    return realDispatch(app, method, input);
  };
  api = windowDispatch(recording, handles, pick);
  return () => app.close();
});

async function choose(path: string, choice: FileChoice): Promise<ChosenFile> {
  picks.push(path);
  const chosen = expectOk((await api('file.choose', choice)) as ApiResult<ChosenFile | null>);
  if (chosen === null) throw new Error('the dialog was cancelled');
  return chosen;
}

const notChosen = { ok: false, code: 'FILE_NOT_CHOSEN', message: errorMessages.FILE_NOT_CHOSEN };

describe('windowDispatch', () => {
  it.each(Object.entries(pathInputs))(
    '%s refuses a path in `%s` without reaching the dispatcher',
    async (method, spec) => {
      const target = join(dir, 'anything.bin');
      for (const value of [
        target,
        '/etc/passwd',
        'C:\\Windows\\win.ini',
        `fh-${'0'.repeat(32)}`,
        42,
      ]) {
        const result = await api(method, { [spec!.field]: value });
        expect(result, String(value)).toEqual(notChosen);
      }
      expect(dispatched).toEqual([]);
      expect(existsSync(target)).toBe(false);
    },
  );

  it('writes a backup to a file chosen in the save dialog, and checks it by an open handle', async () => {
    const file = join(dir, '备份', '手动.sqlite');
    const saved = await choose(file, { use: 'save', kind: 'backup', name: '手动.sqlite' });
    expect(asked).toEqual([{ use: 'save', kind: 'backup', name: '手动.sqlite' }]);
    expect(saved).toMatchObject({ name: '手动.sqlite', path: file });
    expect(saved.handle).toMatch(/^fh-[0-9a-f]{32}$/);
    const made = expectOk(
      (await api('backup.create', { file: saved.handle })) as ApiResult<BackupInfo>,
    );
    expect(made.file).toBe(file);
    expect(existsSync(file)).toBe(true);

    // The save handle cannot read; an open handle for the same file can.
    expect(await api('backup.check', { file: saved.handle })).toEqual(notChosen);
    const opened = await choose(file, { use: 'open', kind: 'backup' });
    expect(opened.handle).not.toBe(saved.handle);
    expect(expectOk(await api('backup.check', { file: opened.handle }))).toMatchObject({ file });
    // The same path and purpose keep one handle.
    expect((await choose(file, { use: 'open', kind: 'backup' })).handle).toBe(opened.handle);
  });

  it('refuses a handle chosen for another kind of file', async () => {
    const file = join(dir, 'x.zsync');
    writeFileSync(file, 'not a backup');
    const sync = await choose(file, { use: 'open', kind: 'sync' });
    expect(await api('backup.restore', { file: sync.handle })).toEqual(notChosen);
    expect(dispatched).toEqual([]);
  });

  it('answers null when the dialog is cancelled, and checks what it is asked', async () => {
    expect(await api('file.choose', { use: 'open', kind: 'sync' })).toEqual({
      ok: true,
      data: null,
    });
    for (const bad of [
      { use: 'delete', kind: 'sync' },
      { use: 'open', kind: 'passwd' },
      { use: 'save', kind: 'sync', name: '../../x.zsync' },
      { use: 'open', kind: 'sync', path: '/etc/passwd' },
      null,
    ]) {
      expect(await api('file.choose', bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    }
    expect(asked).toHaveLength(1);
  });

  it('gives each listed backup a handle that checks and restores it', async () => {
    expectOk(await realDispatch(app, 'backup.create', undefined));
    const listed = expectOk((await api('backup.list', undefined)) as ApiResult<BackupInfo[]>);
    expect(listed).toHaveLength(1);
    const [backup] = listed;
    expect(backup!.handle).toMatch(/^fh-[0-9a-f]{32}$/);
    expect(expectOk(await api('backup.check', { file: backup!.handle }))).toMatchObject({
      file: backup!.file,
    });
    // The dispatcher itself (the CLI's way in) lists paths only.
    const plain = expectOk(
      (await realDispatch(app, 'backup.list', undefined)) as ApiResult<BackupInfo[]>,
    );
    expect(plain[0]).not.toHaveProperty('handle');
    // A listed backup's handle reads; it does not write.
    expect(await api('backup.create', { file: backup!.handle })).toEqual(notChosen);
    expect(expectOk(await api('backup.restore', { file: backup!.handle }))).toMatchObject({
      restoredFrom: backup!.file,
    });
  });

  it('leaves methods without paths, and path methods called without one, as they were', async () => {
    expect(expectOk(await api('app.status', undefined))).toMatchObject({ initialized: true });
    const made = expectOk((await api('backup.create', undefined)) as ApiResult<BackupInfo>);
    expect(existsSync(made.file)).toBe(true);
    expect(await api('__proto__', { file: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_METHOD',
    });
  });
});

describe('FileHandles', () => {
  it('keeps at most MAX_FILE_HANDLES, dropping the oldest', () => {
    const purpose = { use: 'open', kind: 'sync' } as const;
    const first = handles.grant(join(dir, '0.zsync'), purpose);
    for (let i = 1; i <= MAX_FILE_HANDLES; i += 1) handles.grant(join(dir, `${i}.zsync`), purpose);
    expect(() => handles.resolve(first, purpose)).toThrow(errorMessages.FILE_NOT_CHOSEN);
    const last = handles.grant(join(dir, `${MAX_FILE_HANDLES}.zsync`), purpose);
    expect(handles.resolve(last, purpose)).toBe(join(dir, `${MAX_FILE_HANDLES}.zsync`));
  });
});
