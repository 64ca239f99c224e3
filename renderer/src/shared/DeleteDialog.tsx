// Deleting a project or an investor: the question states what goes with it (record.deletion) and,
// for a project, that 终止 is the way to end a real one; an investor with projects is refused here
// already, saying why. After the delete the window offers 撤销 (undo-store.ts).
import { useState } from 'react';
import type { DeletionResult } from '../../../domain/deletion';
import { countsText, kindLabels } from '../../../domain/deletion';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { ConfirmDialog } from './ConfirmDialog';
import { offerUndo } from './undo-store';

interface Props {
  kind: 'project' | 'investor';
  id: string;
  onDeleted: (result: DeletionResult) => void;
  onCancel: () => void;
}

export function DeleteDialog({ kind, id, onDeleted, onCancel }: Props) {
  const preview = useLoad(() => call('record.deletion', { kind, id }), [kind, id]);
  const submit = useSubmit();
  const [result, setResult] = useState<DeletionResult | null>(null);
  const label = kindLabels[kind];
  const found = preview.data;

  if (!found || found.refusal) {
    const title = found ? `不能删除${label}「${found.name}」` : `删除${label}`;
    return (
      <Dialog className="dialog" label={title} onCancel={onCancel}>
        <h2>{title}</h2>
        {found ? (
          <p>{found.refusal}</p>
        ) : preview.error ? (
          <ErrorText error={preview.error} className="dialog-error" />
        ) : (
          <p className="muted-text">正在查看删除会影响哪些记录……</p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary-button" onClick={onCancel}>
            {found ? '知道了' : '取消'}
          </button>
        </div>
      </Dialog>
    );
  }

  const withIt = countsText(found.goesWith);
  const remove = () =>
    void submit.run(async () => {
      const deleted = await call(`${kind}.delete`, { id });
      setResult(deleted);
      offerUndo(deleted);
      onDeleted(deleted);
    });

  return (
    <ConfirmDialog
      title={`删除${label}「${found.name}」？`}
      verb="删除"
      confirmLabel={`删除${label}`}
      busy={submit.busy || result !== null}
      error={submit.error}
      onConfirm={remove}
      onCancel={onCancel}
    >
      <ul>
        <li>
          {withIt ? (
            <>
              将一并删除它的 <strong>{withIt}</strong>。
            </>
          ) : (
            `它没有${kind === 'project' ? '跟进事项、活动记录或到资记录' : '联系人或活动记录'}，不会删除其他记录。`
          )}
        </li>
        {kind === 'project' ? (
          <li>
            删除只用于录错或重复的项目：删除后它不再出现在台账、看板和各项统计中。真实的项目不再推进时，请在「项目信息」里把阶段设为
            <strong>「终止」</strong>并填写终止原因，项目和记录都会保留。
          </li>
        ) : (
          <li>
            删除只用于录错或重复的投资方：删除后它不再出现在投资方列表中，也不能再被项目选用。
          </li>
        )}
        <li>删除后几秒内可以在窗口底部点「撤销」恢复；删除和撤销都会随同步文件传到其他驻点。</li>
      </ul>
    </ConfirmDialog>
  );
}
