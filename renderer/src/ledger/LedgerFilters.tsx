// The 台账's filter bar, in two rows that fit a 1366 px screen: free-text search, 地区, 规模, 阶段 and
// 驻点; then 招商责任人 and 产业 (from the dictionaries), 招商方式, 签约年份, 「清除筛选」 and the
// caller's tools at the end (the 「列」 menu). Every control has a visible label.
import { Fragment, useId } from 'react';
import type { ReactNode } from 'react';
import { tierLabels, tierOrder } from '../../../domain/classify';
import { regionLabels, regionOrder } from '../../../domain/countries';
import { stageLabels, stageOrder } from '../../../domain/lifecycle';
import { channels, labelOf, offices } from '../../../domain/vocabulary';
import type { Dictionaries } from '../../../domain/contract';
import { useDictionaries } from '../project/use-dictionaries';
import type { LedgerFilterValues } from './ledger-query';
import { groupOptions, hasFilters, noFilters, signingYears } from './ledger-query';

interface Props {
  value: LedgerFilterValues;
  onChange: (next: LedgerFilterValues) => void;
  /** Shown at the end of the bar while a query runs. */
  busy: boolean;
  /** Placed at the end of the second row. */
  tools?: ReactNode;
}

interface Option {
  key: string;
  label: string;
}

interface Group {
  /** An <optgroup> label; null for options outside any group. */
  label: string | null;
  options: readonly Option[];
}

const regionOptions = regionOrder.map((key) => ({ key, label: regionLabels[key] }));
const tierOptions = tierOrder.map((key) => ({ key, label: tierLabels[key] }));
const stageOptions = stageOrder.map((key) => ({ key, label: stageLabels[key] }));
const channelOptions = channels.map(({ key, label }) => ({ key, label }));

/** Promoters grouped by office (names only: the ledger filters by name). */
function ownerGroups(promoters: Dictionaries['promoters'], current: string): Group[] {
  const byOffice = new Map<string, Option[]>();
  const seen = new Set<string>();
  for (const p of promoters) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    const office = p.officeId ? labelOf(offices, p.officeId) : '未定驻点';
    const list = byOffice.get(office) ?? [];
    list.push({ key: p.name, label: p.name });
    byOffice.set(office, list);
  }
  const groups: Group[] = [...byOffice].map(([label, options]) => ({ label, options }));
  if (current && !seen.has(current)) {
    groups.unshift({ label: null, options: [{ key: current, label: current }] });
  }
  return groups;
}

/** A plain list, with the current value added when the list does not have it (an old view). */
function listWith(items: readonly string[], current: string): Group[] {
  const options = items.map((label) => ({ key: label, label }));
  if (current && !items.includes(current)) options.unshift({ key: current, label: current });
  return [{ label: null, options }];
}

type FilterKey = Exclude<keyof LedgerFilterValues, 'q'>;

interface Filter {
  key: FilterKey;
  label: string;
  all: string;
  /** The choices, given the current value (kept when a list no longer has it) and the lists. */
  groups: (current: string, dictionaries: Dictionaries) => Group[];
}

const plain = (options: readonly Option[]) => () => [{ label: null, options }];

/** 类别: the choices under 投资方, 地区 and 企业性质. */
const groupGroups = (): Group[] =>
  ['投资方', '地区', '企业性质'].map((label) => ({
    label,
    options: groupOptions.filter((o) => o.group === label),
  }));

const firstRow: readonly Filter[] = [
  { key: 'region', label: '地区', all: '全部地区', groups: plain(regionOptions) },
  { key: 'tier', label: '规模', all: '全部规模', groups: plain(tierOptions) },
  { key: 'stage', label: '阶段', all: '全部阶段', groups: plain(stageOptions) },
  { key: 'office', label: '驻点', all: '全部驻点', groups: plain(offices) },
];

const secondRow: readonly Filter[] = [
  {
    key: 'owner',
    label: '招商责任人',
    all: '全部责任人',
    groups: (current, d) => ownerGroups(d.promoters, current),
  },
  {
    key: 'industry',
    label: '产业',
    all: '全部产业',
    groups: (current, d) => listWith(d.industries, current),
  },
  { key: 'channel', label: '招商方式', all: '全部方式', groups: plain(channelOptions) },
  { key: 'group', label: '类别', all: '全部类别', groups: groupGroups },
  {
    key: 'signingYear',
    label: '签约年份',
    all: '全部年份',
    groups: (current) => listWith(signingYears(), current),
  },
];

export function LedgerFilters({ value, onChange, busy, tools }: Props) {
  const dictionaries = useDictionaries();
  const searchId = useId();
  const select = (filter: Filter) => (
    <FilterSelect
      key={filter.key}
      label={filter.label}
      all={filter.all}
      groups={filter.groups(value[filter.key], dictionaries)}
      value={value[filter.key]}
      onChange={(v) => onChange({ ...value, [filter.key]: v } as LedgerFilterValues)}
    />
  );

  return (
    <div className="ledger-toolbar ledger-filter-bar" role="search" aria-label="筛选台账">
      <div className="ledger-filter-row">
        <div className="filter ledger-search">
          <label htmlFor={searchId} className="filter-label">
            搜索
          </label>
          <input
            id={searchId}
            type="search"
            className="search-box"
            aria-label="搜索项目"
            placeholder="项目名称、编号或投资方"
            maxLength={100}
            value={value.q}
            onChange={(e) => onChange({ ...value, q: e.target.value })}
          />
        </div>
        {firstRow.map(select)}
      </div>
      <div className="ledger-filter-row">
        {secondRow.map(select)}
        {hasFilters(value) ? (
          <button
            type="button"
            className="link-button ledger-clear"
            onClick={() => onChange(noFilters)}
          >
            清除筛选
          </button>
        ) : null}
        <span className="toolbar-busy" aria-live="polite">
          {busy ? '正在查询……' : ''}
        </span>
        {tools}
      </div>
    </div>
  );
}

interface SelectProps {
  label: string;
  all: string;
  groups: readonly Group[];
  value: string;
  onChange: (value: string) => void;
}

function FilterSelect({ label, all, groups, value, onChange }: SelectProps) {
  const id = useId();
  const selected = groups.flatMap((g) => g.options).find((o) => o.key === value)?.label;
  // The label stands beside the select (not around it), so the select's name is the label alone.
  return (
    <div className="filter ledger-filter">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        title={selected}
        className={value ? 'ledger-filter-on' : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{all}</option>
        {groups.map((group, i) =>
          group.label === null ? (
            <Fragment key={`list-${i}`}>
              {group.options.map((o) => (
                <FilterOption key={o.key} option={o} />
              ))}
            </Fragment>
          ) : (
            <optgroup key={`${group.label}-${i}`} label={group.label}>
              {group.options.map((o) => (
                <FilterOption key={o.key} option={o} />
              ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}

function FilterOption({ option }: { option: Option }) {
  return <option value={option.key}>{option.label}</option>;
}
