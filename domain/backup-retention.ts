// Which automatic daily backups to keep, by age alone (docs/security.md, 备份):
//   - every copy of the last 7 days;
//   - from 7 days to 8 weeks, one per week;
//   - from 8 weeks to a year (365 days), one per 30 days;
//   - none older, except that the newest copy is always kept, however old.
// The weeks and months are counted back from now, not on the calendar, so the copies kept depend
// only on the copies' ages. In each week or 30 days the oldest copy is kept: a day later it is the
// newest of the next one, so the kept copies stay evenly spaced as they age and none is kept only
// to be deleted the next day. Copies of the same age are kept or deleted together.

const DAY_MS = 24 * 60 * 60 * 1000;

export const RETENTION = {
  /** Every copy younger than this is kept. */
  allDays: 7,
  /** Then one per week, up to this many weeks of age. */
  weeks: 8,
  /** Then one per 30 days (counted from the end of the weeks), up to this many days of age. */
  maxDays: 365,
} as const;

export interface AgedCopy {
  /** When the copy was made, in ms since the epoch. */
  at: number;
}

/** The bucket a copy of this age falls in, or null when no copy of that age is kept. */
function bucketOf(ageMs: number): string | 'all' | null {
  const days = ageMs / DAY_MS;
  if (days < RETENTION.allDays) return 'all';
  if (days < RETENTION.weeks * 7) return `w${Math.floor(days / 7)}`;
  const weeksEnd = RETENTION.weeks * 7;
  if (days < RETENTION.maxDays) return `m${Math.floor((days - weeksEnd) / 30)}`;
  return null;
}

/** The copies to keep (the same objects, in the order given); the others may be deleted. */
export function backupsToKeep<T extends AgedCopy>(copies: readonly T[], now: number): T[] {
  if (copies.length === 0) return [];
  const newest = Math.max(...copies.map((c) => c.at));
  const oldestIn = new Map<string, number>();
  for (const c of copies) {
    const bucket = bucketOf(now - c.at);
    if (bucket === null || bucket === 'all') continue;
    oldestIn.set(bucket, Math.min(oldestIn.get(bucket) ?? c.at, c.at));
  }
  return copies.filter((c) => {
    if (c.at === newest) return true;
    const bucket = bucketOf(now - c.at);
    if (bucket === null) return false;
    return bucket === 'all' || oldestIn.get(bucket) === c.at;
  });
}
