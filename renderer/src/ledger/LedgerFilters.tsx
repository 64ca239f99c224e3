// The 台账's filter bar: free-text search and one select each for 地区, 规模, 阶段 and 驻点.
import { tierLabels, tierOrder } from '../../../domain/classify';
import { regionLabels, regionOrder } from '../../../domain/countries';
import { stageLabels, stageOrder } from '../../../domain/lifecycle';
import { offices } from '../../../domain/vocabulary';
import type { LedgerFilterValues } from './ledger-query';
import { hasFilters, noFilters } from './ledger-query';

interface Props {
  value: LedgerFilterValues;
  onChange: (next: LedgerFilterValues) => void;
  /** Shown at the end of the bar while a query runs. */
  busy: boolean;
}

const regionOptions = regionOrder.map((key) => ({ key, label: regionLabels[key] }));
const tierOptions = tierOrder.map((key) => ({ key, label: tierLabels[key] }));
const stageOptions = stageOrder.map((key) => ({ key, label: stageLabels[key] }));

export function LedgerFilters({ value, onChange, busy }: Props) {
  return (
    <div className="ledger-toolbar" role="search" aria-label="筛选台账">
      <input
        type="search"
        className="search-box"
        aria-label="搜索项目"
        placeholder="搜索项目名称、编号或投资方"
        maxLength={100}
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.target.value })}
      />
      <FilterSelect
        label="地区"
        all="全部地区"
        options={regionOptions}
        value={value.region}
        onChange={(region) => onChange({ ...value, region })}
      />
      <FilterSelect
        label="规模"
        all="全部规模"
        options={tierOptions}
        value={value.tier}
        onChange={(tier) => onChange({ ...value, tier })}
      />
      <FilterSelect
        label="阶段"
        all="全部阶段"
        options={stageOptions}
        value={value.stage}
        onChange={(stage) => onChange({ ...value, stage })}
      />
      <FilterSelect
        label="驻点"
        all="全部驻点"
        options={offices}
        value={value.office}
        onChange={(office) => onChange({ ...value, office })}
      />
      {hasFilters(value) ? (
        <button type="button" className="link-button" onClick={() => onChange(noFilters)}>
          清除筛选
        </button>
      ) : null}
      <span className="toolbar-busy" aria-live="polite">
        {busy ? '正在查询……' : ''}
      </span>
    </div>
  );
}

interface SelectProps<K extends string> {
  label: string;
  all: string;
  options: readonly { key: K; label: string }[];
  value: K | '';
  onChange: (value: K | '') => void;
}

function FilterSelect<K extends string>({ label, all, options, value, onChange }: SelectProps<K>) {
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as K | '')}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
