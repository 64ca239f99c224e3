// 本部：创建分区: the zone's name and the user; the office is 本部. app.init at 本部 creates the
// zone (its id and keys) along with the database.
import { useState } from 'react';
import { zoneCreateInput } from '../../../domain/sync';
import { firstError } from '../ui/field-errors';
import { TextField } from '../ui/fields';
import { InitForm, NameField, useInit } from './setup-form';
import type { SetupFormProps } from './setup-form';

const HQ = '本部';

export function CreateZoneForm(props: SetupFormProps) {
  const [zoneName, setZoneName] = useState('经开区招商');
  const nameError = firstError(zoneCreateInput.shape.name.safeParse(zoneName));
  const setup = useInit(props, () => ({
    errors: [nameError],
    input: { office: HQ, zoneName: zoneName.trim() },
  }));

  return (
    <InitForm
      {...setup.form}
      title="本部：创建分区"
      submitLabel="创建分区"
      busyLabel="正在创建分区……"
    >
      <p className="setup-intro-small">
        分区只在本部的第一台电脑上创建一次。创建后，在「同步」页为各驻点的电脑制作邀请；驻点的电脑加入后，彼此的同步文件才能互相导入。
      </p>
      <TextField
        label="分区名称"
        error={setup.shown(nameError)}
        hint="各驻点加入时会看到这个名称"
        inputClassName="input large"
        maxLength={50}
        value={zoneName}
        disabled={setup.busy}
        onChange={setZoneName}
      />
      <div className="setup-pair">
        <NameField {...setup.name} />
        <div className="field">
          <span className="field-label">驻点</span>
          <span className="setup-fixed">{HQ}</span>
        </div>
      </div>
    </InitForm>
  );
}
