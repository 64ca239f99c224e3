// 当前用户: the name and office of whoever uses this copy (kept on this laptop only); saved with
// settings.update, then the status line reloads them.
import { useId } from 'react';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { refreshAppStatus } from '../shell/use-app-status';
import { Card } from '../ui/Card';
import { SelectField, TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { settingsField } from './field-look';
import { officeNames } from '../shared/office-names';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

export function UserSection({ settings, onSaved }: Props) {
  const submit = useSubmit();
  const initial = { user: settings.user ?? '', office: settings.office ?? '' };
  const form = useDraft(useId(), initial, { onEdit: submit.clear });
  const { user, office } = form.values;

  const changed = user.trim() !== (settings.user ?? '') || office !== (settings.office ?? '');

  const save = () => {
    const name = user.trim();
    const nameError =
      name === '' ? '请填写姓名' : name.length > 50 ? '姓名不能超过 50 个字' : undefined;
    form.setErrors({ user: nameError });
    if (nameError) return Promise.resolve(false);
    return submit.run(async () => {
      const saved = await call('settings.update', { user: name, office: office || undefined });
      onSaved(saved);
      form.set('user', saved.user ?? name);
      refreshAppStatus();
      return '已保存';
    });
  };
  useLeaveGuard({ dirty: changed, what: '「我的信息」的修改', save });

  return (
    <Card
      className="settings-card"
      id="settings-user"
      title="当前用户"
      hint="只保存在这台电脑上，用于记录谁做了修改。"
    >
      <Form className="settings-user-form" onSubmit={() => void save()}>
        <TextField label="姓名" {...settingsField} {...form.bind('user')} maxLength={50} />
        <SelectField
          label="驻点"
          {...settingsField}
          {...form.bind('office')}
          choices={officeNames}
          none={office === '' ? { label: '请选择驻点' } : undefined}
        />
        <SaveRow submit={submit} label="保存" disabled={!changed} />
      </Form>
    </Card>
  );
}
