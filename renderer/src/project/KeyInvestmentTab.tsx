// 重点项目投资: for a year, whether the project is on the 区重点, 市级 or 省级 list, its 年度计划投资
// and its 完成投资 month by month (万元), saved with keyInvestment.set; the years entered below.
// The 看板 adds these up against the plan's 100 / 220亿 and 41 / 33亿.
import { useState } from 'react';
import type { KeyInvestmentRecord } from '../../../domain/key-investment';
import { MONTHS, completedThrough } from '../../../domain/key-investment';
import { formatNumber, wanToUnits, yuanToWan } from '../../../domain/money';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { ErrorText } from '../ui/Alert';
import { ListState } from '../ui/ListState';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { parseNumber } from './project-draft';
import './key-investment.css';

interface Draft {
  year: number;
  district: boolean;
  city: boolean;
  province: boolean;
  planned: string;
  completed: string[];
}

/** 元 → '8,000' (the column says 万元). */
const wanNumber = (yuan: number) => formatNumber(yuanToWan(yuan), 2);

const wanText = (yuan: number | null) => (yuan === null ? '' : String(yuanToWan(yuan)));

function draftOf(year: number, r: KeyInvestmentRecord | undefined): Draft {
  return {
    year,
    district: r?.district ?? false,
    city: r?.city ?? false,
    province: r?.province ?? false,
    planned: wanText(r?.planned ?? null),
    completed: MONTHS.map((m) => wanText(r?.completed[m - 1] ?? null)),
  };
}

/** 万元 as typed → whole 元, or an error message. */
function yuanOf(text: string, label: string): number | null | string {
  const wan = parseNumber(text);
  if (wan === null) return null;
  if (Number.isNaN(wan)) return `${label}须为数字`;
  return wanToUnits(wan);
}

const levels = (r: KeyInvestmentRecord) =>
  [r.district ? '区重点' : null, r.city ? '市级' : null, r.province ? '省级' : null]
    .filter(Boolean)
    .join('、') || '—';

export function KeyInvestmentTab({ projectId }: { projectId: string }) {
  const list = useLoad(() => call('keyInvestment.list', { projectId }), [projectId], {
    keep: true,
  });
  const [draft, setDraft] = useState<Draft>(() => draftOf(new Date().getFullYear(), undefined));
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const submit = useSubmit();
  const rows = list.data ?? [];
  const stored = (year: number) =>
    draftOf(
      year,
      rows.find((r) => r.year === year),
    );
  // Once the years arrive, the form shows this year's row (or the latest) as saved.
  const stamp = `${projectId}:${rows.length}`;
  if (list.data && loadedFor !== stamp) {
    setLoadedFor(stamp);
    setDraft(stored(draft.year));
  }
  const pickYear = (year: number) => {
    setDraft(stored(year));
    submit.clear();
  };
  const save = async () => {
    const planned = yuanOf(draft.planned, '年度计划投资');
    const completed = draft.completed.map((t, i) => yuanOf(t, `${i + 1}月完成投资`));
    const bad = [planned, ...completed].find((v): v is string => typeof v === 'string');
    if (bad) {
      submit.fail(bad);
      return false;
    }
    return submit.run(async () => {
      await call('keyInvestment.set', {
        projectId,
        year: draft.year,
        district: draft.district,
        city: draft.city,
        province: draft.province,
        planned: planned as number | null,
        completed: completed as (number | null)[],
      });
      // As the list will read them back ('08000' → '8000'), so the saved draft is not dirty.
      setDraft((d) => ({
        ...d,
        planned: wanText(planned as number | null),
        completed: (completed as (number | null)[]).map(wanText),
      }));
      list.reload();
      return '已保存';
    });
  };
  useLeaveGuard({
    dirty: list.data !== null && JSON.stringify(draft) !== JSON.stringify(stored(draft.year)),
    what: `${draft.year} 年重点项目投资的修改`,
    save,
  });
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    submit.clear();
  };
  return (
    <div className="tab-body key-investment">
      <div className="key-investment-head">
        <label>
          年份{' '}
          <input
            className="input key-year"
            type="number"
            min={2000}
            max={2100}
            value={draft.year}
            onChange={(e) => pickYear(Number(e.target.value))}
          />
        </label>
        {(['district', 'city', 'province'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={draft[k]}
              onChange={(e) => set({ [k]: e.target.checked })}
            />{' '}
            {{ district: '区重点', city: '市级', province: '省级' }[k]}
          </label>
        ))}
        <label>
          年度计划投资（万元）{' '}
          <input
            className="input key-amount"
            inputMode="decimal"
            value={draft.planned}
            onChange={(e) => set({ planned: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="key-months">
        <legend>月度完成投资（万元）</legend>
        {MONTHS.map((m) => (
          <label key={m}>
            {m}月
            <input
              className="input key-amount"
              inputMode="decimal"
              aria-label={`${m}月完成投资（万元）`}
              value={draft.completed[m - 1]}
              onChange={(e) =>
                set({
                  completed: draft.completed.map((v, i) => (i === m - 1 ? e.target.value : v)),
                })
              }
            />
          </label>
        ))}
      </fieldset>
      <div className="key-investment-actions">
        <button
          type="button"
          className="primary-button"
          disabled={submit.busy}
          onClick={() => void save()}
        >
          保存 {draft.year} 年
        </button>
        {submit.done ? <span className="saved-note">{submit.done}</span> : null}
        <ErrorText error={submit.error} inline />
      </div>
      <ListState list={list} className="tab-empty" empty="还没有录入任何年度的重点项目投资。" />
      {rows.length ? (
        <table className="tab-table key-years" aria-label="各年度重点项目投资">
          <thead>
            <tr>
              <th>年份</th>
              <th>级别</th>
              <th className="num">年度计划投资（万元）</th>
              <th className="num">全年完成投资（万元）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} onClick={() => pickYear(r.year)} className="dash-row-link">
                <td>{r.year}</td>
                <td>{levels(r)}</td>
                <td className="num">{r.planned === null ? '—' : wanNumber(r.planned)}</td>
                <td className="num">{wanNumber(completedThrough(r.completed, 12))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
