// 「合并到…」 in the head of an investor's or a project's page: pick the record that stays (the
// app's pickers: arrow keys, Enter, Esc), confirm what the merge means, and the page's record goes
// into it; the window then opens the kept one, whose page offers 「撤销合并」 (MergeNotice).
import { useCallback, useId, useState } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { mergeKindLabels } from '../../../domain/merge';
import { investorMatches } from '../investors/investor-matches';
import { useNavigate } from '../shell/navigation';
import { ErrorText } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';
import { ProjectPicker } from '../ui/ProjectPicker';
import { SearchPicker } from '../ui/SearchPicker';
import type { PickerMatch } from '../ui/SearchPicker';
import { useSubmit } from '../ui/use-submit';
import { MergeConfirm } from './MergeConfirm';
import { useMergeConfirmation } from './use-merge-confirmation';
import './suspects.css';

const SELF = '不能合并到它自己';

interface Props {
  kind: 'investor' | 'project';
  self: { id: string; name: string };
  className: string;
  /** Why it cannot be merged now (unsaved edits …); the button is off and says so. */
  blocked?: string | null;
}

export function MergeIntoButton({ kind, self, className, blocked }: Props) {
  const navigate = useNavigate();
  const id = useId();
  const [picking, setPicking] = useState(false);
  const submit = useSubmit();
  const merge = useMergeConfirmation(submit, (pair) =>
    navigate({ screen: pair.kind === 'investor' ? 'investor' : 'project', id: pair.keep.id }),
  );
  const label = mergeKindLabels[kind];
  const chosen = (keep: { id: string; name: string }) => {
    if (keep.id === self.id) {
      submit.fail(SELF);
      return;
    }
    setPicking(false);
    merge.ask({ kind, keep, other: self });
  };
  const close = () => {
    submit.clear();
    setPicking(false);
  };

  return (
    <>
      <button
        type="button"
        className={`link-button ${className}`}
        disabled={Boolean(blocked)}
        title={blocked ?? `把这个${label}并入另一个${label}（同一家录了两次时）`}
        onClick={() => {
          submit.clear();
          setPicking(true);
        }}
      >
        合并到…
      </button>
      {picking ? (
        <Dialog className="dialog merge-pick" labelledBy={`${id}-title`} onCancel={close}>
          <h2 id={`${id}-title`}>把「{self.name}」合并到…</h2>
          <p>
            选择保留的{label}：「{self.name}」将并入它。
          </p>
          {kind === 'investor' ? (
            <InvestorPicker id={`${id}-q`} selfId={self.id} onPick={chosen} onCancel={close} />
          ) : (
            <ProjectPicker
              control={{ id: `${id}-q` }}
              label="保留的项目"
              autoFocus
              onPick={(row: LedgerRow) => chosen({ id: row.id, name: row.name })}
              onCancel={close}
            />
          )}
          <ErrorText error={submit.error} className="dialog-error" />
        </Dialog>
      ) : null}
      <MergeConfirm merge={merge} />
    </>
  );
}

function InvestorPicker(props: {
  id: string;
  selfId: string;
  onPick: (keep: { id: string; name: string }) => void;
  onCancel: () => void;
}) {
  const { selfId } = props;
  const [text, setText] = useState('');
  const search = useCallback(
    (q: string): Promise<PickerMatch[]> =>
      investorMatches(q, (inv) => (inv.id === selfId ? SELF : null)),
    [selfId],
  );
  return (
    <SearchPicker
      control={{ id: props.id }}
      label="保留的投资方"
      text={text}
      onText={setText}
      search={search}
      listLabel="匹配的投资方"
      placeholder="中文名称、英文名称或简称"
      maxLength={200}
      autoFocus
      noMatch={(q) => `没有找到「${q}」，换个写法试试。`}
      onPick={(match) => props.onPick({ id: match.id, name: match.name })}
      onCancel={props.onCancel}
    />
  );
}
