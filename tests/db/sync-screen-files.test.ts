// The 同步 screen's file methods: sync.importData keeps the bytes in a folder of the inbox and imports
// them with the engine (a failure leaves no copy and no change, a repeat says 0 new), and
// sync.readExport serves only .zsync files directly in the outbox.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../db/dispatcher';
import type { AppDatabase } from '../../db/app-database';
import type { SyncExportResult, SyncFolders, SyncImportReport } from '../../domain/sync';
import { expectOk, openZonePair, snapshot } from '../helpers';

async function ok<T>(app: AppDatabase, method: string, input?: unknown): Promise<T> {
  return expectOk(await dispatch(app, method, input)) as T;
}

async function twoOffices() {
  const { hq, office: sh } = await openZonePair();
  await ok(sh, 'project.create', {
    name: '某新能源项目',
    investor: '某集团',
    country: 'DE',
    office: '上海',
  });
  const { outbox } = await ok<SyncFolders>(sh, 'sync.folders');
  const made = await ok<SyncExportResult>(sh, 'sync.export', { out: outbox, for: '本部' });
  return { sh, hq, made, bytes: readFileSync(made.file) };
}

describe('sync.importData and sync.readExport', () => {
  it('imports bytes through an inbox copy named as sent; the same bytes again are 0 new', async () => {
    const { sh, hq, made, bytes } = await twoOffices();
    const served = await ok<{ name: string; dataBase64: string }>(sh, 'sync.readExport', {
      file: made.file,
    });
    expect(served.name).toBe(basename(made.file));
    expect(Buffer.from(served.dataBase64, 'base64').equals(bytes)).toBe(true);

    const input = { name: served.name, dataBase64: served.dataBase64 };
    const report = await ok<SyncImportReport>(hq, 'sync.importData', input);
    expect(report.new).toBeGreaterThan(0);
    const { inbox } = await ok<SyncFolders>(hq, 'sync.folders');
    expect(dirname(dirname(report.file))).toBe(inbox);
    expect(basename(report.file)).toBe(served.name);
    expect(readFileSync(report.file).equals(bytes)).toBe(true);

    const again = await ok<SyncImportReport>(hq, 'sync.importData', input);
    expect(again).toMatchObject({ alreadyImported: true, new: 0 });
    expect(readdirSync(inbox)).toHaveLength(1);
  });

  it('a damaged file is refused, leaves no inbox copy and changes nothing', async () => {
    const { hq, made, bytes } = await twoOffices();
    const damaged = Buffer.from(bytes);
    const at = damaged.length >> 1;
    damaged[at] = damaged[at]! ^ 0x01;
    const before = snapshot(hq);
    const result = await dispatch(hq, 'sync.importData', {
      name: basename(made.file),
      dataBase64: damaged.toString('base64'),
    });
    expect(result).toMatchObject({ ok: false, code: 'FILE_CORRUPT' });
    expect(snapshot(hq)).toEqual(before);
    const { inbox } = await ok<SyncFolders>(hq, 'sync.folders');
    expect(readdirSync(inbox)).toEqual([]);
  });

  it('refuses names with folders and text that is not base64, in Chinese', async () => {
    const { hq } = await twoOffices();
    const bad = await dispatch(hq, 'sync.importData', { name: '../x.zsync', dataBase64: 'QUJD' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!bad.ok && bad.message).toContain('文件名不能包含路径');
    const junk = await dispatch(hq, 'sync.importData', { name: 'x.zsync', dataBase64: '不是' });
    expect(!junk.ok && junk.message).toContain('编码有误');
  });

  it('serves only .zsync files directly in the outbox', async () => {
    const { sh, made } = await twoOffices();
    const { outbox } = await ok<SyncFolders>(sh, 'sync.folders');
    const other = join(outbox, 'notes.txt');
    writeFileSync(other, 'x');
    for (const file of [other, sh.file, join(outbox, '..', basename(made.file)), '/etc/passwd']) {
      const result = await dispatch(sh, 'sync.readExport', { file });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    const missing = await dispatch(sh, 'sync.readExport', { file: join(outbox, 'gone.zsync') });
    expect(missing).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
    expect(existsSync(made.file)).toBe(true);
  });
});
