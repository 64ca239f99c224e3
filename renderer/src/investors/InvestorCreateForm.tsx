// 新建投资方: the fields, checked with the domain schema before sending, and the 撞单 warning while
// the Chinese or English name is typed. With resembling investors, saving waits for a choice:
// 「使用已有投资方」 opens that one, 「仍然新建」 creates the new one anyway. Typed fields are guarded
// on every way out of the screen (shell/leave-guard.tsx).
import { useRef, useState } from 'react';
import type { InvestorRecord } from '../../../domain/entities';
import type { SimilarInvestor } from '../../../domain/search';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { useNavigate } from '../shell/navigation';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { DuplicateWarning } from './DuplicateWarning';
import { FormActions } from './FormActions';
import type { InvestorDraft, InvestorErrors } from './investor-draft';
import { checkDraft, emptyDraft, sameInvestorDraft } from './investor-draft';
import { InvestorFields } from './InvestorFields';
import { useNameWarning } from './similar-investors';

interface Props {
  onCreated: (investor: InvestorRecord) => void;
  onCancel: () => void;
}

export function InvestorCreateForm({ onCreated, onCancel }: Props) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<InvestorDraft>(emptyDraft);
  const [errors, setErrors] = useState<InvestorErrors>({});
  const submit = useSubmit();
  const [mustChoose, setMustChoose] = useState(false);
  // Choosing the existing investor is choosing not to create this one.
  const useExisting = (match: SimilarInvestor) =>
    navigate({ screen: 'investor', id: match.id }, { discard: true });
  const similar = useNameWarning(
    'investor-create',
    [draft.nameZh, draft.nameEn],
    useExisting,
    undefined,
    draft.creditCode,
  );
  const warning = useRef<HTMLDivElement>(null);

  /** True once created; false when a check, a resembling investor or the backend stopped it. */
  const save = async (anyway: boolean): Promise<boolean> => {
    const checked = checkDraft(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      submit.clear();
      return false;
    }
    let created: InvestorRecord | null = null;
    await submit.run(async () => {
      if (!anyway && (await similar.checkNow()).length > 0) {
        setMustChoose(true);
        warning.current?.focus();
        return;
      }
      created = await call('investor.create', checked.input);
      setDraft(emptyDraft);
      setMustChoose(false);
      onCreated(created);
    });
    return created !== null;
  };

  useLeaveGuard({
    dirty: !sameInvestorDraft(draft, emptyDraft),
    what: '新建投资方表单中填写的内容',
    save: () => save(false),
  });

  return (
    <Form
      className="investors-form"
      aria-labelledby="investors-create-title"
      onSubmit={() => void save(false)}
    >
      <h2 id="investors-create-title" className="investors-panel-title">
        新建投资方
      </h2>
      <InvestorFields
        draft={draft}
        errors={errors}
        onChange={setDraft}
        nameBoxProps={similar.boxProps}
      />
      <DuplicateWarning
        ref={warning}
        warning={similar}
        useLabel="使用已有投资方"
        onUse={useExisting}
        onCreateAnyway={() => void save(true)}
        busy={submit.busy}
      />
      {mustChoose && similar.matches.length > 0 ? (
        <p className="investors-error">请先确认：使用已有投资方，或点「仍然新建」。</p>
      ) : null}
      <FormActions
        submit={submit}
        submitLabel={submit.busy ? '正在保存……' : '保存'}
        onCancel={onCancel}
      />
    </Form>
  );
}
