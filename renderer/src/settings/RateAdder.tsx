// The row under the 汇率 table that adds a year: year and rate, each checked as typed once tried.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { parseRate, parseYear } from './rate-validation';

interface Props {
  years: readonly string[];
  onAdd: (year: string, rate: string) => void;
}

/** The two inputs, drawn alike: each with its label, and its error after the button. */
const inputs = [
  {
    key: 'year',
    label: '新增年份',
    className: 'control-box settings-input settings-year-input',
    inputMode: 'numeric',
    placeholder: '如 2026',
    maxLength: 4,
  },
  {
    key: 'rate',
    label: '该年汇率',
    className: 'control-box settings-input settings-rate-input',
    inputMode: 'decimal',
    placeholder: '如 7.10',
  },
] as const;

const idOf = (key: string) => `settings-new-${key}`;

export function RateAdder({ years, onAdd }: Props) {
  const [values, setValues] = useState({ year: '', rate: '' });
  const [tried, setTried] = useState(false);

  const yearCheck = parseYear(values.year, years);
  const rateCheck = parseRate(values.rate);
  const errors = {
    year: tried && 'error' in yearCheck ? yearCheck.error : null,
    rate: tried && 'error' in rateCheck ? rateCheck.error : null,
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if ('error' in yearCheck || 'error' in rateCheck) return;
    onAdd(yearCheck.year, values.rate.trim());
    setValues({ year: '', rate: '' });
    setTried(false);
  };

  return (
    <form className="settings-adder" onSubmit={add} noValidate aria-label="添加年份">
      {inputs.map(({ key, label, ...input }) => (
        <div key={key} className="settings-field">
          <label htmlFor={idOf(key)}>{label}</label>
          <input
            {...input}
            id={idOf(key)}
            value={values[key]}
            aria-invalid={errors[key] ? true : undefined}
            aria-describedby={errors[key] ? `${idOf(key)}-error` : undefined}
            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          />
        </div>
      ))}
      <button type="submit" className="secondary-button">
        添加年份
      </button>
      {inputs.map(({ key }) =>
        errors[key] ? (
          <span key={key} id={`${idOf(key)}-error`} className="settings-field-error">
            {errors[key]}
          </span>
        ) : null,
      )}
    </form>
  );
}
