// 暂不加入，单机使用: 姓名 and 驻点, and 「开始使用」 (app.init). The laptop works alone in a zone of
// its own until it joins 本部's zone from 同步. 本部 is not offered: at 本部, app.init creates the
// zone, which is the other way in.
import { useId, useState } from 'react';
import { initInput } from '../../../domain/contract';
import { firstError } from '../ui/field-errors';
import { SelectField } from '../ui/fields';
import { InitForm, NameField, useInit } from './setup-form';
import type { SetupFormProps } from './setup-form';
import { fieldOfficeNames } from '../shared/office-names';

export function SoloForm(props: SetupFormProps) {
  const id = useId();
  const [user, setUser] = useState('');
  const [office, setOffice] = useState('');
  const { submit, init, shown } = useInit(props);

  const nameError = firstError(initInput.shape.user.safeParse(user), '请填写姓名');
  const officeError = office === '' ? '请选择驻点' : null;

  const start = () => init([nameError, officeError], { user: user.trim(), office });

  return (
    <InitForm
      id={id}
      title="单机使用"
      submit={submit}
      submitLabel="开始使用"
      busyLabel="正在建立数据库……"
      onSubmit={start}
    >
      <p className="setup-intro-small">
        填写你的姓名和所在驻点。系统会在本机建好数据库，并装入承接平台、产业、展会届次等字典和 2021
        年度目标。收到本部的邀请后，可在「同步」页加入分区。
      </p>
      <div className="setup-pair">
        <NameField
          id={`${id}-user`}
          value={user}
          error={shown(nameError)}
          busy={submit.busy}
          onChange={setUser}
        />
        <SelectField
          label="驻点"
          error={shown(officeError)}
          inputClassName="input large"
          choices={fieldOfficeNames}
          none={{ label: '请选择驻点', disabled: true }}
          value={office}
          disabled={submit.busy}
          onChange={setOffice}
        />
      </div>
      <p className="setup-intro-small">本部的电脑请返回，选「本部：创建分区」。</p>
    </InitForm>
  );
}
