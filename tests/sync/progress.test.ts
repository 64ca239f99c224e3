// Long sync imports and exports publish their progress (job-progress.ts) for the window to poll:
// while a file of thousands of changes is imported through the 同步 screen's method, job.progress
// answers between the phases (解密, 解压, 校验变更 n/N, 写入 N 条变更) in that order, and
// says null once the import has ended, whether it succeeded or failed; the export likewise.
import { writeDemoRows } from '../../db/services/app';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { exportFile } from '../../db/sync/export';
import { currentProgress } from '../../db/job-progress';
import type { JobProgress } from '../../domain/job-progress';
import type { ApiResult } from '../../domain/errors';
import { expectOk, tempDir } from '../helpers';
import { call, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

/** Asks job.progress at every turn of the event loop until `work` settles; keeps each answer. */
async function polled<T>(
  app: AppDatabase,
  work: Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; seen: (JobProgress | null)[] }> {
  let settled = false;
  const result = work.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );
  void result.then(() => (settled = true));
  const seen: (JobProgress | null)[] = [];
  while (!settled) {
    seen.push(expectOk(dispatchSync(app, 'job.progress', null)) as JobProgress | null);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await result, seen };
}

/** The phases in the order first seen, each once in a row. */
function phases(seen: (JobProgress | null)[]): string[] {
  const out: string[] = [];
  for (const p of seen) if (p && out.at(-1) !== p.phase) out.push(p.phase);
  return out;
}

async function shanghaiFile(passphrase?: string) {
  const dir = tempDir('zs-progress-');
  const sh = await openReplica('上海', { dir });
  open.push(sh);
  writeDemoRows(sh.app, { projects: 700, seed: 3 });
  const made = await exportFile(sh.app, {
    out: dir,
    full: true,
    ...(passphrase ? { passphrase } : {}),
  });
  expect(made.changes).toBeGreaterThan(4000);
  return { sh, made, bytes: readFileSync(made.file) };
}

describe('sync progress', () => {
  test('an import of thousands of changes reports its phases in order, then null', async () => {
    const { made, bytes } = await shanghaiFile('嘉兴2021');
    const hq = await openReplica('本部');
    open.push(hq);
    const input = {
      name: basename(made.file),
      dataBase64: bytes.toString('base64'),
      passphrase: '嘉兴2021',
    };
    const { result, seen } = await polled(hq.app, dispatch(hq.app, 'sync.importData', input));
    expect(result.status).toBe('fulfilled');
    const answer = (result as PromiseFulfilledResult<ApiResult<{ new: number }>>).value;
    expect(expectOk(answer).new).toBe(made.changes);

    const count = made.changes.toLocaleString('zh-CN');
    expect(phases(seen)).toEqual(['解密', '解压', '校验变更', `写入 ${count} 条变更`]);
    expect(seen.every((p) => p === null || p.job === '导入同步文件')).toBe(true);
    // The check of the changes counts up to the file's total between yields.
    const checked = seen.filter((p) => p?.phase === '校验变更').map((p) => p!.done);
    expect(checked.length).toBeGreaterThanOrEqual(2);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));
    expect(new Set(seen.filter((p) => p?.phase === '校验变更').map((p) => p!.total))).toEqual(
      new Set([made.changes]),
    );
    expect(checked.at(-1)).toBeGreaterThan(0);

    expect(currentProgress(hq.app)).toBeNull();
    expect(expectOk(dispatchSync(hq.app, 'job.progress', null))).toBeNull();
  });

  test('a failed import (wrong passphrase) also ends its progress', async () => {
    const { made, bytes } = await shanghaiFile('嘉兴2021');
    const hq = await openReplica('本部');
    open.push(hq);
    const input = {
      name: basename(made.file),
      dataBase64: bytes.toString('base64'),
      passphrase: '错误口令',
    };
    const { result, seen } = await polled(hq.app, dispatch(hq.app, 'sync.importData', input));
    const answer = (result as PromiseFulfilledResult<ApiResult<unknown>>).value;
    expect(answer).toMatchObject({ ok: false, code: 'BAD_PASSPHRASE' });
    expect(phases(seen)).toEqual(['解密']);
    expect(expectOk(dispatchSync(hq.app, 'job.progress', null))).toBeNull();
  });

  test('an export reports compressing its changes while it runs, then null', async () => {
    const { sh, made } = await shanghaiFile();
    const { outbox } = call<{ outbox: string }>(sh, 'sync.folders');
    const { result, seen } = await polled(
      sh.app,
      dispatch(sh.app, 'sync.export', { out: outbox, full: true }),
    );
    expect(result.status).toBe('fulfilled');
    expect(phases(seen)).toContain(`压缩 ${made.changes.toLocaleString('zh-CN')} 条变更`);
    expect(seen.every((p) => p === null || p.job === '导出同步文件')).toBe(true);
    expect(currentProgress(sh.app)).toBeNull();
  });
});
