// The paths the main process chose for the window (in its file dialogs, or in its own folders),
// each behind a random handle bound to one purpose. The window only ever holds handles; the path
// a handle stands for never comes from the window. Handles live as long as the process.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AppError } from '../domain/errors';
import type { FilePurpose } from '../domain/file-choice';

/** Enough for every dialog of a working day and every listed backup; the oldest go first. */
export const MAX_FILE_HANDLES = 1000;

const HANDLE = /^fh-[0-9a-f]{32}$/;

interface Grant {
  path: string;
  purpose: FilePurpose;
}

const keyOf = (path: string, { use, kind }: FilePurpose) => `${use}\0${kind}\0${path}`;

export class FileHandles {
  readonly #grants = new Map<string, Grant>();
  readonly #byKey = new Map<string, string>();

  /** The handle for `path` with this purpose; the same path and purpose keep one handle. */
  grant(path: string, purpose: FilePurpose): string {
    const absolute = resolve(path);
    const key = keyOf(absolute, purpose);
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    const handle = `fh-${randomBytes(16).toString('hex')}`;
    this.#grants.set(handle, { path: absolute, purpose: { ...purpose } });
    this.#byKey.set(key, handle);
    while (this.#grants.size > MAX_FILE_HANDLES) {
      const [oldest, grant] = this.#grants.entries().next().value!;
      this.#grants.delete(oldest);
      this.#byKey.delete(keyOf(grant.path, grant.purpose));
    }
    return handle;
  }

  /** The path behind a handle granted for exactly this purpose; anything else is refused. */
  resolve(handle: unknown, purpose: FilePurpose): string {
    const grant =
      typeof handle === 'string' && HANDLE.test(handle) ? this.#grants.get(handle) : undefined;
    if (
      grant === undefined ||
      grant.purpose.use !== purpose.use ||
      grant.purpose.kind !== purpose.kind
    ) {
      throw new AppError('FILE_NOT_CHOSEN');
    }
    return grant.path;
  }
}
