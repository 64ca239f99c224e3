// Inbox copies of imported files (screen-files.ts) do not pile up: beyond the newest copies, those
// older than the kept days go; other entries of the inbox and the copy just imported stay.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { describe, expect, test } from 'vitest';
import { pruneInbox } from '../../db/sync/screen-files';
import { tempDir } from '../helpers';

const DAY = 86_400_000;

describe('inbox pruning', () => {
  test('keeps the newest copies and the recent ones, removes the rest', () => {
    const inbox = tempDir('zs-inbox-');
    const now = Date.UTC(2021, 5, 12, 7, 30);
    const stamp = (ms: number) => format(new Date(ms), 'yyyyMMdd-HHmmss-SSS');
    // One copy a day for 40 days, two in the same millisecond once, and unrelated entries.
    const names: string[] = [];
    for (let d = 0; d < 40; d++) names.push(stamp(now - d * DAY));
    names.push(`${stamp(now - 39 * DAY)}-2`);
    for (const name of names) {
      mkdirSync(join(inbox, name));
      writeFileSync(join(inbox, name, 'a.zsync'), 'x');
    }
    mkdirSync(join(inbox, 'mine'));
    writeFileSync(join(inbox, 'note.txt'), 'x');

    const removed = pruneInbox(inbox, now, { copies: 5, days: 30 });
    // Days 31..39 (and the second copy of day 39) are past 30 days and beyond the newest 5.
    expect(removed.sort()).toEqual(
      [...names.filter((_, i) => i >= 31 && i < 40), `${stamp(now - 39 * DAY)}-2`].sort(),
    );
    const left = readdirSync(inbox);
    expect(left).toContain('mine');
    expect(left).toContain('note.txt');
    expect(left.filter((n) => /^\d{8}-/.test(n))).toHaveLength(31);

    // With few copies nothing goes, however old; the folder being imported is never removed.
    expect(pruneInbox(inbox, now + 365 * DAY, { copies: 100 })).toEqual([]);
    const keep = join(inbox, names[0]!);
    const gone = pruneInbox(inbox, now + 365 * DAY, { copies: 0, keep });
    expect(gone).not.toContain(names[0]);
    expect(readdirSync(inbox).sort()).toEqual([names[0]!, 'mine', 'note.txt'].sort());
  });
});
