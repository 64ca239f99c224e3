// The 删除 link of one row of a list (useDeleteRow): named for its row, disabled while it deletes.
import type { RowRemoval } from './use-delete-row';

export function DeleteRowButton(props: {
  removal: RowRemoval;
  id: string;
  /** What a screen reader says, naming the row: 删除 张三. */
  label: string;
  className?: string;
}) {
  const { removal, id } = props;
  return (
    <button
      type="button"
      className={props.className ?? 'link-button'}
      aria-label={props.label}
      disabled={removal.busyId === id}
      onClick={() => removal.remove(id)}
    >
      删除
    </button>
  );
}
