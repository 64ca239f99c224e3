// A check on a worker thread (snapshot-chains-thread.ts) is ended by asking it, never by
// terminating its thread: a thread ended while it is inside better-sqlite3's native code (opening
// the image, reading a row) can abort the whole process, and did once in CI. The check asks
// between rows and gives up with CheckStopped; the thread then closes the image and exits itself.

/** Whether the caller no longer wants the check's answer. */
export type StopAsked = () => boolean;

export const neverStopped: StopAsked = () => false;

export class CheckStopped extends Error {
  constructor() {
    super('check stopped');
  }
}

/** Throws CheckStopped once the caller has asked the check to stop. */
export function stopIfAsked(asked: StopAsked): void {
  if (asked()) throw new CheckStopped();
}
