// The 看板's pickers: year, as-of date (empty: today, or the year's end for a past year, which may
// also be read as things stood on a later date) and office.
import { useId } from 'react';
import { offices } from '../../../domain/vocabulary';
import type { DashboardQuery } from './dashboard-input';
import { YearPicker } from './YearPicker';
import { Select, choicesOf } from '../ui/Select';

const officeChoices = choicesOf(offices);

interface Props {
  query: DashboardQuery;
  onChange: (query: DashboardQuery) => void;
}

export function DashboardPickers({ query, onChange }: Props) {
  const id = useId();
  return (
    <div className="dash-pickers" role="group" aria-label="看板范围">
      <YearPicker
        id={`${id}-year`}
        value={query.year}
        onChange={(year) => onChange({ ...query, year, asOf: undefined })}
      />
      <label className="dash-picker" htmlFor={`${id}-asof`}>
        <span>截至</span>
        <input
          id={`${id}-asof`}
          type="date"
          value={query.asOf ?? ''}
          min={`${query.year}-01-01`}
          onChange={(e) => onChange({ ...query, asOf: e.target.value || undefined })}
        />
      </label>
      <label className="dash-picker" htmlFor={`${id}-office`}>
        <span>驻点</span>
        <Select
          id={`${id}-office`}
          choices={officeChoices}
          none={{ label: '全区' }}
          value={query.office ?? ''}
          onChange={(office) => onChange({ ...query, office: office || undefined })}
        />
      </label>
    </div>
  );
}
