// The question before a merge: which record stays, which one goes into it, and what that means —
// the other leaves every list and count, what named it moves to the kept one, and it can be undone.
// Where both records hold different values the user chooses, field by field, which one stays
// (record.mergePreview lists them); the kept record's empty fields are filled from the other.
import { mergeKindLabels } from '../../../domain/merge';
import type { MergeField, MergeKind } from '../../../domain/merge';
import { call } from '../api/client';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import type { ConfirmWiring } from '../shared/ConfirmDialog';
import { columnLabel, valueText } from '../sync/conflict-labels';
import { ErrorText } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import type { MergeConfirmation, MergePair } from './use-merge-confirmation';

/** What moves to the kept record, by kind. */
const moves: Record<MergeKind, string | null> = {
  investor: '项目（连同项目的跟进事项和到资记录）、联系人、活动记录和下属企业',
  project: '跟进事项、到资记录、活动记录、联系人、重点项目投资和展会速记',
  contact: null,
};

/** The dialog of the pair `merge` asks about, if any. */
export function MergeConfirm({ merge }: { merge: MergeConfirmation }) {
  return merge.about ? (
    <MergeQuestion
      pair={merge.about}
      wiring={merge.dialog}
      take={merge.take}
      onTake={merge.setTake}
    />
  ) : null;
}

interface Props {
  pair: MergePair;
  wiring: ConfirmWiring;
  /** The columns whose value the kept record takes from the other. */
  take: readonly string[];
  onTake: (take: readonly string[]) => void;
}

function MergeQuestion({ pair, wiring, take, onTake }: Props) {
  const label = mergeKindLabels[pair.kind];
  const preview = useLoad(
    () =>
      call('record.mergePreview', { kind: pair.kind, keep: pair.keep.id, other: pair.other.id }),
    [pair.kind, pair.keep.id, pair.other.id],
  );
  const choose = (column: string, theirs: boolean) =>
    onTake(
      theirs ? [...take.filter((c) => c !== column), column] : take.filter((c) => c !== column),
    );
  const filled = preview.data?.filled ?? [];

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
          {filled.length
            ? `「${pair.keep.name}」空着的${filled.map((f) => columnLabel(pair.kind, f.column)).join('、')}用它的值补上`
            : `「${pair.keep.name}」空着的字段用它的值补上`}
          {pair.kind === 'investor' ? '，它的名称记为别名，按两个名称都能找到' : ''}；
        </li>
        <li>合并随同步文件传到其他驻点；合并后可以「撤销合并」。</li>
      </ul>
      <ErrorText error={preview.error} className="dialog-error" />
      {preview.data?.choices.length ? (
        <FieldChoices pair={pair} fields={preview.data.choices} take={take} onChoose={choose} />
      ) : null}
    </ConfirmDialog>
  );
}

function FieldChoices(props: {
  pair: MergePair;
  fields: readonly MergeField[];
  take: readonly string[];
  onChoose: (column: string, theirs: boolean) => void;
}) {
  const { pair, fields, take, onChoose } = props;
  const shown = (f: MergeField, side: 'keep' | 'other') =>
    (side === 'keep' ? f.keepName : f.otherName) ?? valueText(f.column, f[side]);
  return (
    <fieldset className="merge-choices">
      <legend>两边不同的字段：选择保留哪一个值</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col" title={pair.keep.name}>
              保留方的值
            </th>
            <th scope="col" title={pair.other.name}>
              并入方的值
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const name = `merge-${f.column}`;
            const label = columnLabel(pair.kind, f.column);
            const theirs = take.includes(f.column);
            return (
              <tr key={f.column}>
                <th scope="row">{label}</th>
                {(['keep', 'other'] as const).map((side) => (
                  <td key={side}>
                    <label title={shown(f, side)}>
                      <input
                        type="radio"
                        name={name}
                        checked={theirs === (side === 'other')}
                        aria-label={`${label}：${shown(f, side)}`}
                        onChange={() => onChoose(f.column, side === 'other')}
                      />
                      <span>{shown(f, side)}</span>
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
