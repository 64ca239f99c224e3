// The snapshot checks' worker (a bundle of its own: db/worker-entry.ts): the chain check or the
// value checks, whichever its job names (snapshot-jobs.ts). Started before the image is ready
// (snapshot-chains-thread.ts), it waits for the image's file, opens it read-only and posts what the
// check returned, or the AppError that refused it. A null message, or the stop flag set while the
// check runs (check-stop.ts), ends it without an answer; either way it then exits by itself.
import { parentPort, workerData } from 'node:worker_threads';
import { CheckStopped } from './check-stop';
import { imageError, openImage } from './snapshot-image';
import { runJob } from './snapshot-jobs';
import type { ImageReply, ImageWorkerData } from './snapshot-jobs';

const { job, stop } = workerData as ImageWorkerData;
const flag = new Int32Array(stop);
const asked = () => Atomics.load(flag, 0) !== 0;

parentPort?.once('message', (file: string | null) => {
  if (file === null || asked()) return;
  let reply: ImageReply<unknown>;
  try {
    const image = openImage(file);
    try {
      reply = { verified: runJob(image, job, asked) };
    } finally {
      image.close();
    }
  } catch (error) {
    if (error instanceof CheckStopped) return;
    const refused = imageError(error);
    reply = { code: refused.code, message: refused.message };
  }
  parentPort?.postMessage(reply);
});
