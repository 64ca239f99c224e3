// A transaction held open across awaits (AppDatabase.transactBulkAcross, used by the snapshot join,
// docs/sync.md S22), on a real SQLite file: what it wrote is committed only when its work resolves;
// a throw rolls every write back, leaving the file byte for byte as it was; other transactions on
// the connection meanwhile are refused; a process killed with the transaction open leaves nothing.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { readMeta, writeMeta } from '../../db/replica-identity';
import { checkpointFully, tempDir } from '../helpers';

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('a transaction held across awaits', () => {
  test('commits when its work resolves; refuses other transactions meanwhile', async () => {
    const app = await openAppDatabase(join(tempDir('zs-across-'), 'a.sqlite'));
    const during = app.transactBulkAcross(async (tx) => {
      writeMeta(tx.sql.sqlite, 'across_test', 'held');
      await tick();
      return 'done';
    });
    expect(() => app.transact(() => undefined)).toThrow(/正在载入快照/);
    await expect(app.transactBulkAcross(async () => 1)).rejects.toMatchObject({
      code: 'DATABASE_BUSY',
    });
    expect(await during).toBe('done');
    expect(app.transact((tx) => readMeta(tx.sql.sqlite, 'across_test'), { write: false })).toBe(
      'held',
    );
    app.close();
  });

  test('a throw after awaiting rolls back every write: the file as it was', async () => {
    const app = await openAppDatabase(join(tempDir('zs-across-'), 'a.sqlite'));
    checkpointFully(app);
    const before = readFileSync(app.file);
    const refused = app.transactBulkAcross(async (tx) => {
      writeMeta(tx.sql.sqlite, 'across_test', 'x'.repeat(200_000));
      await tick();
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    checkpointFully(app);
    expect(readFileSync(app.file).equals(before)).toBe(true);
    expect(app.transact((tx) => readMeta(tx.sql.sqlite, 'across_test'))).toBeUndefined();
    app.close();
  });

  test('a process killed with the transaction open leaves none of its writes', async () => {
    const dir = tempDir('zs-across-kill-');
    const file = join(dir, 'a.sqlite');
    const script = join(dir, 'hold.mts');
    const module = pathToFileURL(resolve('db/app-database.ts')).href;
    const meta = pathToFileURL(resolve('db/replica-identity.ts')).href;
    writeFileSync(
      script,
      `import { openAppDatabase } from ${JSON.stringify(module)};
import { writeMeta } from ${JSON.stringify(meta)};
const app = await openAppDatabase(${JSON.stringify(file)});
await app.transactBulkAcross(async (tx) => {
  writeMeta(tx.sql.sqlite, 'across_test', 'x'.repeat(4_000_000));
  console.log('written');
  await new Promise(() => setInterval(() => undefined, 1000));
});
`,
    );
    // Node itself (not the tsx wrapper, whose own child would outlive the kill).
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'pipe' });
    try {
      await new Promise<void>((done, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('written')) done();
        });
        child.once('exit', (code) => fail(new Error(`child exited ${code}`)));
      });
    } finally {
      child.kill('SIGKILL');
    }
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((r) => child.once('exit', r));
    }
    const app = await openAppDatabase(file);
    expect(app.transact((tx) => readMeta(tx.sql.sqlite, 'across_test'))).toBeUndefined();
    app.close();
  }, 60_000);
});
