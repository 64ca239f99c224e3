// Which of the database host's threads serves each method: the reader every handler of kind `read`
// and every `app` handler marked `readOnly`; the writer everything else. Of those, only the short
// write transactions (kind `write`) make later reads wait; a long `app` write (an import) does not.
import { handlers } from '../handlers';
import type { Routes } from './messages';

export function routes(): Routes {
  const reads: string[] = [];
  const writes: string[] = [];
  for (const [method, handler] of Object.entries(handlers)) {
    if ('read' in handler || ('readOnly' in handler && handler.readOnly)) reads.push(method);
    else if ('write' in handler) writes.push(method);
  }
  return { reads, writes };
}
