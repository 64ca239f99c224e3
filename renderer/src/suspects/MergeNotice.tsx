// 「已将「西门子（中国）有限公司」合并到「西门子股份公司」  撤销合并」 after a merge, on the page
// the window shows next (merge-undo.ts); 撤销合并 brings the merged-away record back with what moved.
import { mergeKindLabels } from '../../../domain/merge';
import { ErrorText } from '../ui/Alert';
import { forgetMerge, undoMerge, useHeldMerge } from './merge-undo';
import './suspects.css';

/** `keptId`: on a record's page, only a merge into that record is shown. */
export function MergeNotice({ keptId }: { keptId?: string }) {
  const merge = useHeldMerge();
  if (!merge || (keptId !== undefined && merge.result.keep !== keptId)) return null;
  const label = mergeKindLabels[merge.result.kind];
  const text =
    merge.state === 'undone'
      ? `已撤销合并：${label}「${merge.otherName}」已恢复为单独的记录`
      : `已将${label}「${merge.otherName}」合并到「${merge.keptName}」`;
  return (
    <div className="notice-banner merge-notice" role="status" aria-label="合并结果">
      <span className="ellipsis" title={text}>
        {text}
      </span>
      {merge.state === 'undone' ? null : (
        <button
          type="button"
          className="link-button"
          disabled={merge.state === 'undoing'}
          onClick={() => void undoMerge()}
        >
          {merge.state === 'undoing' ? '正在撤销……' : '撤销合并'}
        </button>
      )}
      <ErrorText error={merge.error} prefix="撤销失败：" inline />
      <button
        type="button"
        className="link-button merge-notice-close"
        aria-label="关闭"
        title="关闭"
        onClick={forgetMerge}
      >
        ×
      </button>
    </div>
  );
}
