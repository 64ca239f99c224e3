// The snapshot's chain check runs on a worker thread (snapshot-chains-thread.ts); where the worker
// cannot start, or dies without an answer, the same check runs on the calling thread. On a real
// snapshot's image: both ways verify the same chains and heads, and refuse an altered change with
// the same error. A check is stopped by asking (db/sync/check-stop.ts): its worker exits by itself.
import { closeSync, copyFileSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { makeSnapshot } from '../../db/sync/snapshot';
import type { ChainCheck } from '../../db/sync/snapshot-chains';
import { prepareChains, prepareValues } from '../../db/sync/snapshot-chains-thread';
import { CheckStopped } from '../../db/sync/check-stop';
import { openImage } from '../../db/sync/snapshot-image';
import { runJob } from '../../db/sync/snapshot-jobs';
import { decryptAndInflate, openFile } from '../../db/sync/snapshot-open';
import { zoneOf } from '../../db/sync/zone';
import { expectOk, tempDir } from '../helpers';
import { openReplica } from './replicas';
import { emptyJoined } from './snapshot-joined';

const dir = tempDir('zs-snap-chains-');
let image: string;
let check: ChainCheck;

beforeAll(async () => {
  const hq = await openReplica('本部', { dir: tempDir('zs-snap-chains-hq-') });
  for (let i = 0; i < 30; i++) {
    expectOk(dispatchSync(hq.app, 'project.create', { name: `项目 ${i}`, office: '本部' }));
  }
  const snapshot = await makeSnapshot(hq.app, { out: join(dir, 'zone.zsnap') });
  const app = await emptyJoined(dir, '北京', { ms: hq.clock.ms });
  const fd = openSync(snapshot.file, 'r');
  try {
    const opened = await openFile(app, fd, statSync(snapshot.file).size);
    image = join(dir, 'image.sqlite');
    await decryptAndInflate(opened, image);
    const zone = zoneOf(app.sqlite);
    check = {
      zoneId: zone.id,
      rootPublic: zone.rootPublic,
      members: opened.members,
      siteId: app.transact((tx) => tx.siteId, { write: false }),
    };
  } finally {
    closeSync(fd);
  }
}, 60_000);

/** A worker file that is not there, and one that exits without answering. */
function brokenWorkers() {
  const dies = join(dir, 'dies.cjs');
  writeFileSync(dies, 'process.exit(3);\n');
  return {
    missing: pathToFileURL(join(dir, 'no-such-worker.cjs')),
    dies: pathToFileURL(dies),
  };
}

const outcome = (done: Promise<unknown>) =>
  done.then(
    (verified) => ({ verified }),
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );

describe('snapshot chain and value checks without their worker', () => {
  test('verifies the same chains and heads on this thread', async () => {
    const onWorker = await prepareChains(check).start(image).done;
    expect(onWorker.changes).toBeGreaterThan(30);
    expect(onWorker.heads.length).toBeGreaterThan(0);
    for (const entry of Object.values(brokenWorkers())) {
      expect(await prepareChains(check, entry).start(image).done).toEqual(onWorker);
    }
  });

  test('the value checks give the same answer on this thread', async () => {
    const check = { nowMs: Number.MAX_SAFE_INTEGER / 2, driftRejectMs: 3_600_000 };
    const onWorker = await prepareValues(check).start(image).done;
    expect(onWorker.maxHlc).toMatch(/^\d/);
    for (const entry of Object.values(brokenWorkers())) {
      expect(await prepareValues(check, entry).start(image).done).toEqual(onWorker);
    }
  });

  test('refuses an altered change with the same error', async () => {
    const altered = join(dir, 'altered.sqlite');
    copyFileSync(image, altered);
    const db = new Database(altered);
    const changed = db
      .prepare(
        `UPDATE sync_change SET fields = json_set(fields, '$.name', '改过的项目')
         WHERE rowid = (SELECT rowid FROM sync_change WHERE tbl = 'project' LIMIT 1)`,
      )
      .run().changes;
    db.close();
    expect(changed).toBe(1);
    const onWorker = await outcome(prepareChains(check).start(altered).done);
    expect(onWorker).toMatchObject({
      code: 'SNAPSHOT_INVALID',
      message: expect.stringContaining('链不符'),
    });
    for (const entry of Object.values(brokenWorkers())) {
      expect(await outcome(prepareChains(check, entry).start(altered).done)).toEqual(onWorker);
    }
  });
});

describe('stopping a check', () => {
  const values = { nowMs: Number.MAX_SAFE_INTEGER / 2, driftRejectMs: 3_600_000 };

  test('each check gives up at the first row once asked', () => {
    const opened = openImage(image);
    try {
      for (const job of [{ chains: check }, { values }]) {
        expect(() => runJob(opened, job, () => true)).toThrow(CheckStopped);
      }
    } finally {
      opened.close();
    }
  });

  test('a worker stopped unused, or while it checks, exits by itself (code 0, not terminated)', async () => {
    // Stopped before, just after and well after it was given the image; a terminated worker
    // exits with code 1.
    expect(await prepareChains(check).stop()).toBe(0);
    for (const wait of [0, 5, 50]) {
      for (const prepared of [prepareChains(check), prepareValues(values)]) {
        const running = prepared.start(image);
        await new Promise((resolve) => setTimeout(resolve, wait));
        expect(await running.stop()).toBe(0);
      }
    }
    const answered = prepareValues(values).start(image);
    await answered.done;
    expect(await answered.stop()).toBe(0);
  });
});
