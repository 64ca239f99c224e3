// 五未规则: "reached milestone A, not milestone B within N days (or by its planned B date, falling
// back to N days for a project without one)". Rules
// are edited in place, added and removed, then saved together with settings.update; each row shows
// its own validation message, and the API's message shows beside 保存. On an office laptop they
// are 本部's rules, listed with 向本部提建议.
import { useState } from 'react';
import type { MilestoneStage, StalledRule } from '../../../domain/lifecycle';
import { milestones } from '../../../domain/lifecycle';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { HqManaged } from '../shared/HqManaged';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import type { RuleErrors } from './stalled-rules';
import { newRule, validateRules } from './stalled-rules';
import { Select } from '../ui/Select';
import { milestoneChoices } from './milestone-choices';
import { TableHead } from '../ui/TableHead';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

function MilestoneSelect({
  value,
  label,
  onChange,
}: {
  value: MilestoneStage;
  label: string;
  onChange: (stage: MilestoneStage) => void;
}) {
  return (
    <Select
      className="control-box settings-input"
      aria-label={label}
      choices={milestoneChoices}
      value={value}
      onChange={onChange}
    />
  );
}

/** A rule's two milestones: the one reached, and the one not reached in time. */
const ends = [
  { key: 'from', label: '已达到' },
  { key: 'to', label: '未达到' },
] as const;

const ruleColumns = ['规则名称', ...ends.map((e) => e.label), '期限'];

const stageLabel = (stage: MilestoneStage) =>
  milestones.find((m) => m.stage === stage)?.label ?? stage;

/** The fallback of a rule by the planned date, as its row says it. */
const fallbackText = (days: number | null) =>
  days === null ? '无计划日期时不判断' : `无计划日期时按 ${days} 天`;

function RulesReadOnly({ rules }: { rules: readonly StalledRule[] }) {
  return (
    <div className="settings-stalled" role="group" aria-label="五未规则">
      <h3 className="settings-subtitle">“五未”规则</h3>
      <HqManaged subject="“五未”规则" />
      {rules.length === 0 ? (
        <p className="empty-note settings-empty">本部没有设置规则，看板不会列出“五未”项目。</p>
      ) : (
        <table className="settings-table settings-stalled-table">
          <TableHead columns={ruleColumns} />
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.key}>
                <td>{rule.label}</td>
                <td>{stageLabel(rule.from)}</td>
                <td>{stageLabel(rule.to)}</td>
                <td>
                  {rule.usePlannedDate
                    ? `计划日期前（${fallbackText(rule.days)}）`
                    : rule.days === null
                      ? '—'
                      : `达到后 ${rule.days} 天内`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function StalledRulesForm({ settings, onSaved, readOnly }: Props) {
  const [rules, setRules] = useState<StalledRule[]>(settings.stalledRules);
  const [errors, setErrors] = useState<RuleErrors | null>(null);
  const submit = useSubmit();
  const changed = JSON.stringify(rules) !== JSON.stringify(settings.stalledRules);

  const change = (next: StalledRule[]) => {
    setRules(next);
    submit.clear();
  };
  const edit = (index: number, patch: Partial<StalledRule>) =>
    change(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const save = () => {
    const found = validateRules(rules);
    setErrors(found);
    if (found) {
      submit.fail(found.list ?? '请先改正标红的规则');
      return Promise.resolve(false);
    }
    return submit.run(async () => {
      const saved = await call('settings.update', { stalledRules: rules });
      onSaved(saved);
      setRules(saved.stalledRules);
      return '已保存，看板按新规则列出“五未”项目';
    });
  };
  useLeaveGuard({ dirty: changed, what: '「五未」规则的修改', save });

  if (readOnly) return <RulesReadOnly rules={settings.stalledRules} />;

  return (
    <div className="settings-stalled" role="group" aria-label="五未规则">
      <h3 className="settings-subtitle">“五未”规则</h3>
      {rules.length === 0 ? (
        <p className="empty-note settings-empty">
          还没有规则，看板不会列出“五未”项目。点「添加规则」新建一条。
        </p>
      ) : (
        <table className="settings-table settings-stalled-table">
          <TableHead columns={[...ruleColumns, '天数', { label: '操作', hidden: true }]} />
          <tbody>
            {rules.map((rule, i) => {
              const error = errors?.rows.get(i);
              const name = rule.label || `第 ${i + 1} 条规则`;
              return (
                <tr key={rule.key} aria-invalid={error ? true : undefined}>
                  <td>
                    <input
                      className="control-box settings-input settings-rule-name"
                      aria-label={`${name}：规则名称`}
                      value={rule.label}
                      maxLength={30}
                      placeholder="如 签约未注册"
                      onChange={(e) => edit(i, { label: e.target.value })}
                    />
                    {error ? (
                      <span role="alert" className="settings-field-error">
                        {error}
                      </span>
                    ) : null}
                  </td>
                  {ends.map(({ key, label }) => (
                    <td key={key}>
                      <MilestoneSelect
                        value={rule[key]}
                        label={`${name}：${label}`}
                        onChange={(stage) => edit(i, { [key]: stage })}
                      />
                    </td>
                  ))}
                  <td>
                    <select
                      className="control-box settings-input"
                      aria-label={`${name}：期限`}
                      value={rule.usePlannedDate ? 'planned' : 'days'}
                      onChange={(e) => {
                        // The days stay, as the fallback of a rule by the planned date.
                        const planned = e.target.value === 'planned';
                        edit(i, { usePlannedDate: planned, days: rule.days ?? 90 });
                      }}
                    >
                      <option value="days">达到后若干天内</option>
                      <option value="planned">计划日期前</option>
                    </select>
                  </td>
                  <td>
                    <label className="settings-rule-days-label">
                      {rule.usePlannedDate ? '无计划日期时按 ' : null}
                      <input
                        className="control-box settings-input settings-rule-days"
                        aria-label={`${name}：${rule.usePlannedDate ? '无计划日期时按天数' : '天数'}`}
                        inputMode="numeric"
                        placeholder={rule.usePlannedDate ? '不判断' : undefined}
                        value={rule.days ?? ''}
                        onChange={(e) => {
                          const text = e.target.value.trim();
                          const n = Number(text);
                          edit(i, {
                            days: text === '' ? null : Number.isFinite(n) ? n : rule.days,
                          });
                        }}
                      />
                      {rule.usePlannedDate ? ' 天' : null}
                    </label>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => {
                        change(rules.filter((_, j) => j !== i));
                        setErrors(null);
                      }}
                    >
                      删除
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <SaveRow
        submit={submit}
        label="保存规则"
        disabled={!changed}
        onSave={() => void save()}
        before={
          <button
            type="button"
            className="secondary-button"
            onClick={() => change([...rules, newRule(rules)])}
          >
            添加规则
          </button>
        }
        after={
          changed ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                change(settings.stalledRules);
                setErrors(null);
              }}
            >
              放弃修改
            </button>
          ) : null
        }
      />
    </div>
  );
}
