// The window's list of methods that change nothing is exactly the methods whose database handler
// is a read (or says readOnly): a write missing from it would leave a prefetched answer in use
// after the write, a read added to it would only cost a request again.
import { describe, expect, it } from 'vitest';
import { handlers } from '../../db/handlers';
import { readMethods } from '../../domain/contract/reads';

describe('readMethods', () => {
  it('names exactly the handlers that read', () => {
    const reads = Object.entries(handlers)
      .filter(([, h]) => 'read' in h || ('readOnly' in h && h.readOnly))
      .map(([method]) => method)
      .sort();
    expect([...readMethods].sort()).toEqual(reads);
    expect(reads.length).toBeGreaterThan(20);
  });
});
