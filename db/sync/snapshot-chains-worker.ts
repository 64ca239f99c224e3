// The snapshot chain check's worker (a bundle of its own: db/worker-entry.ts): started before the
// image is ready (snapshot-chains-thread.ts), it waits for the image's file, opens it read-only and
// posts what checkChains verified, or the AppError that refused it.
import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorCode } from '../../domain/errors';
import { checkChains } from './snapshot-chains';
import type { ChainCheck, VerifiedChains } from './snapshot-chains';
import { imageError, openImage } from './snapshot-image';

export interface ChainJob {
  check: ChainCheck;
}

export type ChainReply = { verified: VerifiedChains } | { code: ErrorCode; message: string };

const { check } = workerData as ChainJob;

parentPort?.once('message', (file: string) => {
  let reply: ChainReply;
  try {
    const image = openImage(file);
    try {
      reply = { verified: checkChains(image, check) };
    } finally {
      image.close();
    }
  } catch (error) {
    const refused = imageError(error);
    reply = { code: refused.code, message: refused.message };
  }
  parentPort?.postMessage(reply);
});
