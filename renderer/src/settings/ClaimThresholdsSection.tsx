// 首报首谈门槛: 本部's thresholds over which a project must carry a 首报首谈 claim (claim.thresholds,
// claim.setThresholds). Stored in 元 and 美元, typed and shown in 亿元 and 万美元; read-only with
// 向本部提建议 on an office laptop. Projects over them with no claim are listed in 数据质量.
import { useId, useState } from 'react';
import { z } from 'zod';
import type { ClaimThresholds } from '../../../domain/claims';
import { call } from '../api/client';
import { HqManaged } from '../shared/HqManaged';
import { useLeaveGuard } from '../shell/leave-guard';
import { Card } from '../ui/Card';
import { TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import type { Loaded } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { settingsField } from './field-look';

const YI = 100_000_000;
const WAN = 10_000;

const typed = z.strictObject({
  industrial: z.number({ error: '请填写数字（亿元）' }).min(0, '不能小于 0'),
  foreign: z.number({ error: '请填写数字（万美元）' }).min(0, '不能小于 0'),
});

/** 12.5 (no trailing zeros, no float noise). */
const shown = (value: number, unit: number) => String(Number((value / unit).toFixed(4)));
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

interface Props {
  thresholds: Loaded<ClaimThresholds>;
  readOnly: boolean;
  onSaved: () => void;
}

export function ClaimThresholdsSection({ thresholds, readOnly, onSaved }: Props) {
  const current = thresholds.data;
  return (
    <Card
      className="settings-card"
      id="claim-thresholds"
      title="首报首谈门槛"
      hint="超过任一门槛的项目必须有首报首谈记录（项目或其投资方），缺少的列在「数据质量」中。"
    >
      {current === null ? (
        <p className="settings-loading">
          {thresholds.error ? `读取失败：${thresholds.error}` : '正在读取……'}
        </p>
      ) : readOnly ? (
        <>
          <HqManaged subject="首报首谈门槛" />
          <dl className="settings-landing-values">
            <dt>工业项目总投资</dt>
            <dd>{shown(current.industrialCny, YI)} 亿元及以上</dd>
            <dt>合同外资</dt>
            <dd>{shown(current.foreignUsd, WAN)} 万美元及以上</dd>
          </dl>
        </>
      ) : (
        <ThresholdsForm current={current} onSaved={onSaved} />
      )}
    </Card>
  );
}

function ThresholdsForm({ current, onSaved }: { current: ClaimThresholds; onSaved: () => void }) {
  const submit = useSubmit();
  const first = {
    industrial: shown(current.industrialCny, YI),
    foreign: shown(current.foreignUsd, WAN),
  };
  const form = useDraft(useId(), first, { onEdit: submit.clear, clearOnEdit: true });
  // What is stored now: the form's first values until it saves.
  const [stored, setStored] = useState(first);
  const { industrial, foreign } = form.values;
  const changed = industrial !== stored.industrial || foreign !== stored.foreign;

  const save = () => {
    const parsed = form.check(typed, {
      industrial: numberOf(industrial),
      foreign: numberOf(foreign),
    });
    if (!parsed) return Promise.resolve(false);
    return submit.run(async () => {
      await call('claim.setThresholds', {
        industrialCny: Math.round(parsed.industrial * YI),
        foreignUsd: Math.round(parsed.foreign * WAN),
      });
      setStored({ industrial, foreign });
      onSaved();
      return '已保存，数据质量按新门槛检查';
    });
  };
  useLeaveGuard({ dirty: changed, what: '「首报首谈门槛」的修改', save });

  return (
    <Form
      className="settings-landing-fields"
      aria-label="首报首谈门槛"
      onSubmit={() => void save()}
    >
      <TextField
        label="工业项目总投资（亿元）"
        inputMode="decimal"
        autoComplete="off"
        {...settingsField}
        {...form.bind('industrial')}
      />
      <TextField
        label="合同外资（万美元）"
        inputMode="decimal"
        autoComplete="off"
        {...settingsField}
        {...form.bind('foreign')}
      />
      <SaveRow submit={submit} label="保存门槛" disabled={!changed} />
    </Form>
  );
}
