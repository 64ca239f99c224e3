// 基本信息: the investor's fields as read, and 「编辑」 to change them (investor.update). While a name
// is edited, investors it now resembles are pointed out too; unsaved edits are guarded on the way out.
import { useState } from 'react';
import type { InvestorRecord } from '../../../domain/entities';
import type { SimilarInvestor } from '../../../domain/search';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { useNavigate } from '../shell/navigation';
import { Card } from '../ui/Card';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { DuplicateWarning } from './DuplicateWarning';
import { FormActions } from './FormActions';
import type { InvestorDraft, InvestorErrors } from './investor-draft';
import { checkDraft, draftOf, sameInvestorDraft } from './investor-draft';
import { countryName, flagLabels } from './investor-labels';
import { InvestorFields } from './InvestorFields';
import { useNameWarning } from './similar-investors';

interface Props {
  investor: InvestorRecord;
  onSaved: () => void;
}

export function InvestorDetails({ investor, onSaved }: Props) {
  const [draft, setDraft] = useState<InvestorDraft | null>(null);
  return (
    <Card
      id="investor-details"
      title="基本信息"
      className="investors-card investors-details"
      actions={
        draft === null ? (
          <button
            type="button"
            className="investors-small-button"
            onClick={() => setDraft(draftOf(investor))}
          >
            编辑
          </button>
        ) : null
      }
    >
      {draft === null ? (
        <DetailsView investor={investor} />
      ) : (
        <DetailsEdit
          investor={investor}
          draft={draft}
          onChange={setDraft}
          onDone={(saved) => {
            setDraft(null);
            if (saved) onSaved();
          }}
        />
      )}
    </Card>
  );
}

function DetailsView({ investor }: { investor: InvestorRecord }) {
  const rows: [string, string | null][] = [
    ['中文名称', investor.nameZh],
    ['英文名称', investor.nameEn],
    ['简称/别名', investor.aliases.join('、') || null],
    ['母公司', investor.parentName],
    ['总部国别/地区', countryName(investor.hqCountry)],
    ['所在地', [investor.province, investor.city].filter(Boolean).join(' ') || null],
    ['标签', flagLabels(investor).join('、') || null],
    ['项目数', `${investor.projectCount} 个`],
    ['备注', investor.notes],
  ];
  return (
    <dl className="investors-dl">
      {rows.map(([label, value]) => (
        <div key={label} className="investors-dl-row">
          <dt>{label}</dt>
          <dd
            className={label === '备注' ? 'investors-notes' : 'ellipsis'}
            title={value ?? undefined}
          >
            {value ?? <span className="muted-text">未填写</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DetailsEdit({
  investor,
  draft,
  onChange,
  onDone,
}: {
  investor: InvestorRecord;
  draft: InvestorDraft;
  onChange: (draft: InvestorDraft) => void;
  onDone: (saved: boolean) => void;
}) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<InvestorErrors>({});
  const submit = useSubmit();
  const look = (match: SimilarInvestor) => navigate({ screen: 'investor', id: match.id });
  const similar = useNameWarning(
    `investor-${investor.id}`,
    [draft.nameZh, draft.nameEn],
    look,
    investor.id,
    draft.creditCode,
  );

  const save = async (): Promise<boolean> => {
    const checked = checkDraft(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      submit.clear();
      return false;
    }
    return submit.run(
      async () => {
        await call('investor.update', { id: investor.id, patch: checked.input });
        onDone(true);
      },
      { keepBusy: true },
    );
  };

  useLeaveGuard({
    dirty: !sameInvestorDraft(draft, draftOf(investor)),
    what: `投资方「${investor.nameZh}」的修改`,
    save,
  });

  return (
    <Form className="investors-form" aria-label="编辑投资方" onSubmit={() => void save()}>
      <InvestorFields
        draft={draft}
        errors={errors}
        onChange={onChange}
        selfId={investor.id}
        nameBoxProps={similar.boxProps}
      />
      <DuplicateWarning warning={similar} useLabel="查看" onUse={look} />
      <FormActions
        submit={submit}
        submitLabel={submit.busy ? '正在保存……' : '保存'}
        onCancel={() => onDone(false)}
      />
    </Form>
  );
}
