// The row under the 汇率 table that adds a year: year and rate, each checked as typed once tried.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { parseRate, parseYear } from './rate-validation';

interface Props {
  years: readonly string[];
  onAdd: (year: string, rate: string) => void;
}

export function RateAdder({ years, onAdd }: Props) {
  const [year, setYear] = useState('');
  const [rate, setRate] = useState('');
  const [tried, setTried] = useState(false);

  const yearCheck = parseYear(year, years);
  const rateCheck = parseRate(rate);
  const yearError = tried && 'error' in yearCheck ? yearCheck.error : null;
  const rateError = tried && 'error' in rateCheck ? rateCheck.error : null;

  const add = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if ('error' in yearCheck || 'error' in rateCheck) return;
    onAdd(yearCheck.year, rate.trim());
    setYear('');
    setRate('');
    setTried(false);
  };

  return (
    <form className="settings-adder" onSubmit={add} noValidate aria-label="添加年份">
      <div className="settings-field">
        <label htmlFor="settings-new-year">新增年份</label>
        <input
          id="settings-new-year"
          className="settings-input settings-year-input"
          inputMode="numeric"
          placeholder="如 2026"
          maxLength={4}
          value={year}
          aria-invalid={yearError ? true : undefined}
          aria-describedby={yearError ? 'settings-new-year-error' : undefined}
          onChange={(e) => setYear(e.target.value)}
        />
      </div>
      <div className="settings-field">
        <label htmlFor="settings-new-rate">该年汇率</label>
        <input
          id="settings-new-rate"
          className="settings-input settings-rate-input"
          inputMode="decimal"
          placeholder="如 7.10"
          value={rate}
          aria-invalid={rateError ? true : undefined}
          aria-describedby={rateError ? 'settings-new-rate-error' : undefined}
          onChange={(e) => setRate(e.target.value)}
        />
      </div>
      <button type="submit" className="secondary-button">
        添加年份
      </button>
      {yearError ? (
        <span id="settings-new-year-error" className="settings-field-error">
          {yearError}
        </span>
      ) : null}
      {rateError ? (
        <span id="settings-new-rate-error" className="settings-field-error">
          {rateError}
        </span>
      ) : null}
    </form>
  );
}
