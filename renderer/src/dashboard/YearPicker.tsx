// The year the 看板 and 目标设置 show: a labelled select from 2015 (the oldest ledgers) to next year,
// newest first.
const FIRST_YEAR = 2015;

function yearOptions(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

interface Props {
  id?: string;
  value: number;
  onChange: (year: number) => void;
}

export function YearPicker({ id, value, onChange }: Props) {
  return (
    <label className="dash-picker" htmlFor={id}>
      <span>年份</span>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {yearOptions().map((y) => (
          <option key={y} value={y}>
            {y}年
          </option>
        ))}
      </select>
    </label>
  );
}
