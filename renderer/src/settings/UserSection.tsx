// 当前用户: the name and office of whoever uses this copy (kept on this laptop only); saved with
// settings.update, then the status line reloads them.
import { useState } from 'react';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { refreshAppStatus } from '../shell/use-app-status';
import { Card } from '../ui/Card';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { Select } from '../ui/Select';
import { officeNames } from '../shared/office-names';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

export function UserSection({ settings, onSaved }: Props) {
  const [user, setUser] = useState(settings.user ?? '');
  const [office, setOffice] = useState(settings.office ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = useSubmit();

  const changed = user.trim() !== (settings.user ?? '') || office !== (settings.office ?? '');

  const save = () => {
    const name = user.trim();
    setNameError(name === '' ? '请填写姓名' : name.length > 50 ? '姓名不能超过 50 个字' : null);
    if (name === '' || name.length > 50) return;
    void submit.run(async () => {
      const saved = await call('settings.update', { user: name, office: office || undefined });
      onSaved(saved);
      setUser(saved.user ?? name);
      refreshAppStatus();
      return '已保存';
    });
  };

  return (
    <Card
      className="settings-card"
      id="settings-user"
      title="当前用户"
      hint="只保存在这台电脑上，用于记录谁做了修改。"
    >
      <Form className="settings-user-form" onSubmit={save}>
        <Field label="姓名" error={nameError} className="settings-field">
          {(control) => (
            <input
              {...control}
              className="settings-input"
              value={user}
              maxLength={50}
              onChange={(e) => {
                setUser(e.target.value);
                submit.clear();
              }}
            />
          )}
        </Field>
        <Field label="驻点" className="settings-field">
          {(control) => (
            <Select
              {...control}
              className="settings-input"
              choices={officeNames}
              none={office === '' ? { label: '请选择驻点' } : undefined}
              value={office}
              onChange={(value) => {
                setOffice(value);
                submit.clear();
              }}
            />
          )}
        </Field>
        <SaveRow submit={submit} label="保存" disabled={!changed} />
      </Form>
    </Card>
  );
}
