// The snapshot checks' worker (a bundle of its own: db/worker-entry.ts): the chain check or the
// value checks, whichever workerData names (snapshot-jobs.ts). Started before the image is ready
// (snapshot-chains-thread.ts), it waits for the image's file, opens it read-only and posts what the
// check returned, or the AppError that refused it.
import { parentPort, workerData } from 'node:worker_threads';
import { imageError, openImage } from './snapshot-image';
import { runJob } from './snapshot-jobs';
import type { ImageJob, ImageReply } from './snapshot-jobs';

const job = workerData as ImageJob;

parentPort?.once('message', (file: string) => {
  let reply: ImageReply<unknown>;
  try {
    const image = openImage(file);
    try {
      reply = { verified: runJob(image, job) };
    } finally {
      image.close();
    }
  } catch (error) {
    const refused = imageError(error);
    reply = { code: refused.code, message: refused.message };
  }
  parentPort?.postMessage(reply);
});
