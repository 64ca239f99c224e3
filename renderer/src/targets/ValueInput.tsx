// A number field for one target value in its display unit: saves when it loses focus or on Enter
// (only if the value changed), shows the parse or API error under itself, and Esc puts it back.
// Read-only (本部's targets on an office laptop), it is the value as text.
import { useState } from 'react';
import type { TargetUnit } from '../../../domain/targets';
import { errorText } from '../api/client';
import { fromInput, toInput, valueText } from './target-units';

interface Props {
  unit: TargetUnit;
  value: number | null | undefined;
  label: string;
  onSave: (value: number | null) => Promise<void>;
  className?: string;
  readOnly?: boolean;
}

export function ValueInput({ unit, value, label, onSave, className, readOnly }: Props) {
  const [text, setText] = useState(toInput(unit, value));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A new saved value (after a save, or another field's) replaces the text, during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(toInput(unit, value));
  }

  const commit = async () => {
    const parsed = fromInput(unit, text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    if (parsed.value === (value ?? null)) return;
    setBusy(true);
    try {
      await onSave(parsed.value);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (readOnly) {
    const empty = value === null || value === undefined;
    return (
      <span className={empty ? 'target-readonly empty' : 'target-readonly'}>
        {valueText(unit, value)}
      </span>
    );
  }
  return (
    <span className={className ? `target-value ${className}` : 'target-value'}>
      <input
        className="target-input"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={text}
        disabled={busy}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') {
            setText(toInput(unit, value));
            setError(null);
          }
        }}
      />
      {error ? (
        <span role="alert" className="target-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
