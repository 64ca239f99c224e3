// Registering a 首报首谈 claim on an investor or project: the role, the share when it is not the
// holder's (以商引商, 委托招商), 首报日期 and 报送内容, checked with the domain's schema so its
// Chinese messages stand under the fields. The office is this laptop's; the promoter is its user,
// or another promoter of its office (a colleague's claim entered for them).
import type { ClaimRole } from '../../../domain/claims';
import { claimAddInput, claimRoleLabels, claimRoles, MAX_REPORTED } from '../../../domain/claims';
import { todayIso } from '../../../domain/dates';
import { call } from '../api/client';
import { useDictionaries } from '../project/use-dictionaries';
import { useAppStatus } from '../shell/use-app-status';
import { FormActions } from '../investors/FormActions';
import { useLeaveGuard } from '../shell/leave-guard';
import { AreaField, SelectField, TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';

export interface ClaimSubject {
  kind: 'investor' | 'project';
  id: string;
}

const roleChoices = claimRoles.map((r) => ({ value: r, label: claimRoleLabels[r] }));

interface Values {
  role: ClaimRole;
  /** '' for this laptop's user. */
  promoterId: string;
  share: string;
  claimedOn: string;
  reported: string;
}

interface Props {
  subject: ClaimSubject;
  onSaved: () => void;
  onCancel: () => void;
}

export function ClaimForm({ subject, onSaved, onCancel }: Props) {
  const draft = useDraft<Values>(
    `claim-${subject.id}`,
    () => ({ role: 'holder', promoterId: '', share: '', claimedOn: todayIso(), reported: '' }),
    { clearOnEdit: true },
  );
  const submit = useSubmit();
  const { values } = draft;
  const sharing = values.role !== 'holder';
  const colleagues = useColleagues();

  const save = () => {
    const share = values.share.trim();
    const input = {
      [subject.kind === 'investor' ? 'investorId' : 'projectId']: subject.id,
      role: values.role,
      ...(values.promoterId ? { promoterId: values.promoterId } : {}),
      ...(sharing && share !== '' ? { share: Number(share) } : {}),
      ...(values.claimedOn ? { claimedOn: values.claimedOn } : {}),
      reported: values.reported.trim(),
    };
    const parsed = draft.check(claimAddInput, input);
    // The schema's check of the whole input (a share missing) belongs under 分成比例.
    draft.setErrors(({ form, ...rest }) => (form && sharing ? { share: form, ...rest } : rest));
    if (!parsed) return Promise.resolve(false);
    return submit.run(
      async () => {
        await call('claim.add', parsed);
        onSaved();
      },
      { keepBusy: true },
    );
  };
  useLeaveGuard({
    dirty: draft.changed('reported', 'share'),
    what: '首报首谈登记中填写的内容',
    save,
  });

  return (
    <Form className="claims-form" aria-label="登记首报首谈" onSubmit={() => void save()}>
      <div className="claims-form-fields">
        <SelectField label="角色" choices={roleChoices} {...draft.bind('role')} />
        {sharing ? (
          <TextField
            label="分成比例（%）"
            inputMode="numeric"
            autoComplete="off"
            {...draft.bind('share')}
          />
        ) : null}
        <SelectField
          label="招商人员"
          choices={colleagues.choices}
          none={{ label: colleagues.self }}
          {...draft.bind('promoterId')}
        />
        <TextField label="首报日期" type="date" {...draft.bind('claimedOn')} />
        <AreaField
          label="报送内容"
          className="claims-form-wide"
          placeholder="投资意向、金额、联系人……"
          maxLength={MAX_REPORTED}
          required
          {...draft.bind('reported')}
        />
      </div>
      <FormActions submit={submit} submitLabel="登记" onCancel={onCancel} />
    </Form>
  );
}

/** The user (the default, 「本人」) and the other promoters of this laptop's office. */
function useColleagues() {
  const app = useAppStatus();
  const dictionaries = useDictionaries();
  const status = app.state === 'ready' ? app.status : null;
  const office = dictionaries.offices.find((o) => o.name === status?.office)?.id;
  const choices = dictionaries.promoters
    .filter((p) => office !== undefined && p.officeId === office && p.name !== status?.user)
    .map((p) => ({ value: p.id, label: p.name }));
  return { self: status?.user ? `${status.user}（本人）` : '本人', choices };
}
