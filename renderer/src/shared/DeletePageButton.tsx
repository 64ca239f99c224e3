// 删除项目… / 删除投资方… in the head of a record's own page: a quiet link that opens the
// DeleteDialog (which says what goes with the record, or why it cannot go).
import { useState } from 'react';
import { kindLabels } from '../../../domain/deletion';
import { DeleteDialog } from './DeleteDialog';

interface Props {
  kind: 'project' | 'investor';
  id: string;
  /** Its place in the page's head. */
  className: string;
  onDeleted: () => void;
}

export function DeletePageButton({ kind, id, className, onDeleted }: Props) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`link-button row-delete ${className}`}
        onClick={() => setAsking(true)}
      >
        删除{kindLabels[kind]}…
      </button>
      {asking ? (
        <DeleteDialog kind={kind} id={id} onCancel={() => setAsking(false)} onDeleted={onDeleted} />
      ) : null}
    </>
  );
}
