// The main process's log: one line per event, appended to a file in the app's log folder (a packaged
// app has no console anyone reads) and echoed to stderr. Logging never throws.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export type Log = (message: string, detail?: unknown) => void;

/** Past this size the file is moved to `<name>.old` and a new one started, so it never grows far. */
export const MAX_LOG_BYTES = 1024 * 1024;

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** A log writing to `file` (its folder is created on first use), or to stderr only when null. */
export function createLog(file: string | null, now: () => Date = () => new Date()): Log {
  return (message, detail) => {
    const line = `${now().toISOString()} ${message}${describe(detail)}`;
    console.error(line);
    if (file === null) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      try {
        if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.old`);
      } catch {
        // No file yet.
      }
      appendFileSync(file, `${line}\n`, 'utf8');
    } catch {
      // A full disk or a read-only folder must not take the app down with it.
    }
  };
}
