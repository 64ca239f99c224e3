// A form field of the follow-up screen: a visible label bound to its control, the error under it;
// and the first zod message per field of a small form.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { isRealIsoDate } from '../../../domain/dates';
import { dayText } from './followup-dates';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function FollowupField({
  id,
  label,
  error,
  wide,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  wide?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const className = ['followups-field', wide ? 'wide' : '', error ? 'invalid' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="followups-label">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p id={errorId} className="followups-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The Chinese day of a date input's value (6月17日 周三), whatever format the input shows. */
export function DayHint({ day, today }: { day: string; today: string }) {
  if (!isRealIsoDate(day)) return null;
  return <span className="followups-day-hint">{dayText(day, today)}</span>;
}

export type FieldErrors = Record<string, string>;

export function errorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}
