// 暂不加入，单机使用: 姓名 and 驻点, and 「开始使用」 (app.init). The laptop works alone in a zone of
// its own until it joins 本部's zone from 同步. 本部 is not offered: at 本部, app.init creates the
// zone, which is the other way in.
import { useState } from 'react';
import { SelectField } from '../ui/fields';
import { InitForm, NameField, useInit } from './setup-form';
import type { SetupFormProps } from './setup-form';
import { fieldOfficeNames } from '../shared/office-names';

export function SoloForm(props: SetupFormProps) {
  const [office, setOffice] = useState('');
  const officeError = office === '' ? '请选择驻点' : null;
  const setup = useInit(props, () => ({ errors: [officeError], input: { office } }));

  return (
    <InitForm {...setup.form} title="单机使用" submitLabel="开始使用" busyLabel="正在建立数据库……">
      <p className="setup-intro-small">
        填写你的姓名和所在驻点。系统会在本机建好数据库，并装入承接平台、产业、展会届次等字典和 2021
        年度目标。收到本部的邀请后，可在「同步」页加入分区。
      </p>
      <div className="setup-pair">
        <NameField {...setup.name} />
        <SelectField
          label="驻点"
          error={setup.shown(officeError)}
          inputClassName="input large"
          choices={fieldOfficeNames}
          none={{ label: '请选择驻点', disabled: true }}
          value={office}
          disabled={setup.busy}
          onChange={setOffice}
        />
      </div>
      <p className="setup-intro-small">本部的电脑请返回，选「本部：创建分区」。</p>
    </InitForm>
  );
}
