// 演示数据 on the status line of every screen while the database holds generated demo data, with
// 清除演示数据: after a question that says what goes and where the backup is kept, the database is
// replaced by an empty one for the same user and office, and the window starts afresh on it.
import { call } from '../api/client';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';

export function DemoBadge() {
  const clearing = useConfirmation(useSubmit(), async () => {
    await call('app.clearDemo');
    // Every screen and cache held the demo's rows: start the window again on the empty database.
    window.location.reload();
  });

  return (
    <span className="status-demo">
      <span
        className="status-demo-tag"
        title="这些项目、投资方和跟进都是生成的示例，不会同步到任何驻点"
      >
        演示数据
      </span>
      <button type="button" className="link-button" onClick={() => clearing.ask(true)}>
        清除演示数据
      </button>
      {clearing.about ? (
        <ConfirmDialog
          {...clearing.dialog}
          title="清除全部演示数据？"
          verb="清除"
          confirmLabel="清除演示数据"
        >
          <p>
            将删除全部演示项目，以及它们的投资方、联系人、跟进、到资和目标，换成一个空的数据库；当前用户和驻点保持不变。
          </p>
          <p>清除前会自动备份演示数据（设置 → 备份与恢复）。之后本机可以创建或加入正式分区。</p>
          {clearing.dialog.busy ? <ProgressBar label="正在清除演示数据……" /> : null}
        </ConfirmDialog>
      ) : null}
    </span>
  );
}
