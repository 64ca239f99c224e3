// A number field for one target value in its display unit: saves when it loses focus or on Enter
// (only if the value changed), shows the parse or API error under itself, and Esc puts it back.
// Read-only (本部's targets on an office laptop), it is the value as text.
import { useState } from 'react';
import type { TargetUnit } from '../../../domain/targets';
import { ErrorText } from '../ui/Alert';
import { useSubmit } from '../ui/use-submit';
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
  const saving = useSubmit();

  // A new saved value (after a save, or another field's) replaces the text, during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(toInput(unit, value));
  }

  const commit = () => {
    const parsed = fromInput(unit, text);
    if (!parsed.ok) return saving.fail(parsed.message);
    saving.clear();
    if (parsed.value !== (value ?? null)) void saving.run(() => onSave(parsed.value));
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
        aria-invalid={saving.error ? true : undefined}
        value={text}
        disabled={saving.busy}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(toInput(unit, value));
            saving.clear();
          }
        }}
      />
      <ErrorText error={saving.error} className="target-error" inline />
    </span>
  );
}
