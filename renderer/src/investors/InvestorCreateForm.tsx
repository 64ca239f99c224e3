// 新建投资方: the fields, checked with the domain schema before sending, and the 撞单 warning while
// the Chinese or English name is typed. With resembling investors, saving waits for a choice:
// 「使用已有投资方」 opens that one, 「仍然新建」 creates the new one anyway.
import { useRef, useState } from 'react';
import type { InvestorRecord } from '../../../domain/entities';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { DuplicateWarning } from './DuplicateWarning';
import { FormActions } from './FormActions';
import type { InvestorDraft, InvestorErrors } from './investor-draft';
import { checkDraft, emptyDraft } from './investor-draft';
import { InvestorFields } from './InvestorFields';
import { useSimilarInvestors } from './similar-investors';

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
  const similar = useSimilarInvestors([draft.nameZh, draft.nameEn]);
  const warning = useRef<HTMLDivElement>(null);

  const save = (anyway: boolean) => {
    const checked = checkDraft(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return submit.clear();
    void submit.run(async () => {
      if (!anyway && (await similar.checkNow()).length > 0) {
        setMustChoose(true);
        warning.current?.focus();
        return;
      }
      const created = await call('investor.create', checked.input);
      setDraft(emptyDraft);
      setMustChoose(false);
      onCreated(created);
    });
  };

  return (
    <Form
      className="investors-form"
      aria-labelledby="investors-create-title"
      onSubmit={() => save(false)}
    >
      <h2 id="investors-create-title" className="investors-panel-title">
        新建投资方
      </h2>
      <InvestorFields draft={draft} errors={errors} onChange={setDraft} />
      <DuplicateWarning
        ref={warning}
        matches={similar.matches}
        useLabel="使用已有投资方"
        onUse={(id) => navigate({ screen: 'investor', id })}
        onCreateAnyway={() => save(true)}
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
