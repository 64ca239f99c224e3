// Which of the database host's threads serves each method: the reader every handler of kind `read`
// and the `app` handlers that only read; the writer everything else.
import { handlers } from '../handlers';
import type { Routes } from './messages';

/** `app` handlers that open no write transaction and touch no file but to read it. */
const readOnlyAppMethods = new Set(['app.status', 'sync.site', 'sync.exportName', 'backup.list']);

export function routes(): Routes {
  const reads: string[] = [];
  const writes: string[] = [];
  for (const [method, handler] of Object.entries(handlers)) {
    if ('read' in handler || readOnlyAppMethods.has(method)) reads.push(method);
    else if ('write' in handler) writes.push(method);
  }
  return { reads, writes };
}
