// The question before a merge: which record stays, which one goes into it, and what that means —
// the other leaves every list and count, what named it moves to the kept one, and it can be undone.
import { mergeKindLabels } from '../../../domain/merge';
import type { MergeKind } from '../../../domain/merge';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import type { ConfirmWiring } from '../shared/ConfirmDialog';

/** What moves to the kept record, by kind. */
const moves: Record<MergeKind, string | null> = {
  investor: '项目（连同项目的跟进事项和到资记录）、联系人、活动记录和下属企业',
  project: '跟进事项、到资记录、活动记录、联系人、重点项目投资和展会速记',
  contact: null,
};

export interface MergePair {
  kind: MergeKind;
  keep: { id: string; name: string };
  other: { id: string; name: string };
}

export function MergeConfirm({ pair, wiring }: { pair: MergePair; wiring: ConfirmWiring }) {
  const label = mergeKindLabels[pair.kind];
  return (
    <ConfirmDialog title={`合并${label}`} verb="合并" {...wiring}>
      <p>
        保留「<strong>{pair.keep.name}</strong>」，把「<strong>{pair.other.name}</strong>」并入它：
      </p>
      <ul>
        <li>「{pair.other.name}」从各列表、看板和统计中消失，不再重复计数；</li>
        {moves[pair.kind] ? (
          <li>
            它的{moves[pair.kind]}都转到「{pair.keep.name}」名下；
          </li>
        ) : null}
        <li>
          「{pair.keep.name}」空着的字段用它的值补上
          {pair.kind === 'investor' ? '，它的名称记为别名，按两个名称都能找到' : ''}；
        </li>
        <li>合并随同步文件传到其他驻点；合并后可以「撤销合并」。</li>
      </ul>
    </ConfirmDialog>
  );
}
