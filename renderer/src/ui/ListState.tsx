// What stands in a list's place until it has items: the failed read with 「重试」, a loading line, or
// the note saying what to do while it is empty. Nothing once there are items.
import { ErrorBanner } from './Alert';
import { classes } from './classes';
import { EmptyNote } from './EmptyState';
import type { Loaded } from './use-load';

interface Props {
  list: Pick<Loaded<readonly unknown[]>, 'data' | 'error' | 'reload'>;
  empty: string;
  loading?: string;
  /** The list's own look for the loading line and the empty note. */
  className?: string;
}

export function ListState({ list, empty, loading = '正在加载……', className }: Props) {
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  if (list.data === null) return <p className={classes('list-loading', className)}>{loading}</p>;
  if (list.data.length === 0) return <EmptyNote className={className}>{empty}</EmptyNote>;
  return null;
}
