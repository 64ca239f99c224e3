// A whole file written so that a crash or a power cut leaves the old file or the new one, never
// half of either: written under a temporary name beside it, fsynced, renamed over it, and the
// folder fsynced so the rename itself survives.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces `file` with `data` atomically and durably; a failed write leaves no temporary file.
 * `data` may be a function that hands the bytes over in parts, so that they need not be joined.
 */
export function writeFileDurably(
  file: string,
  data: string | Uint8Array | ((write: (part: Uint8Array) => void) => void),
): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      const write = (bytes: Uint8Array) => {
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      };
      if (typeof data === 'function') data(write);
      else write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  }
}

/** Removes a file of ours if it is there; a cleanup never hides the error that called for it. */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was made under that name (a name too long, a stick pulled out): nothing to remove.
  }
}
