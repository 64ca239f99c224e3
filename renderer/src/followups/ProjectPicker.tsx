// Choosing the project a follow-up belongs to: type part of its name, code or investor, pick one of
// the ledger's matches; the choice shows with 「更换」 to pick again.
import { useEffect, useState } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { call } from '../api/client';
import { useDebouncedValue } from '../shared/use-debounced-value';
import type { ControlProps } from './FollowupField';

export interface PickedProject {
  id: string;
  name: string;
}

const SEARCH_DELAY_MS = 250;
const MATCHES = 8;

interface Props {
  control: ControlProps;
  value: PickedProject | null;
  onChange: (project: PickedProject | null) => void;
}

export function ProjectPicker({ control, value, onChange }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const [found, setFound] = useState<{ q: string; rows: LedgerRow[]; error: boolean } | null>(null);

  useEffect(() => {
    if (q === '') return;
    let live = true;
    call('ledger.query', { q, limit: MATCHES }).then(
      (page) => live && setFound({ q, rows: page.rows, error: false }),
      () => live && setFound({ q, rows: [], error: true }),
    );
    return () => {
      live = false;
    };
  }, [q]);

  if (value) {
    return (
      <div className="followups-picked">
        <span className="followups-ellipsis" title={value.name}>
          {value.name}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onChange(null);
            setText('');
          }}
        >
          更换
        </button>
      </div>
    );
  }

  const current = found && found.q === q && q !== '' ? found : null;
  return (
    <div className="followups-picker">
      <input
        {...control}
        type="search"
        autoComplete="off"
        placeholder="输入项目名称、编号或投资方搜索"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {current ? (
        current.rows.length > 0 ? (
          <ul className="followups-matches" aria-label="匹配的项目">
            {current.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="followups-match"
                  title={row.investor ? `${row.name}（${row.investor}）` : row.name}
                  onClick={() => onChange({ id: row.id, name: row.name })}
                >
                  <span className="followups-ellipsis">{row.name}</span>
                  {row.investor ? (
                    <span className="followups-ellipsis followups-muted">{row.investor}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="followups-muted followups-hint">
            {current.error ? '搜索项目失败，请稍后重试。' : `没有找到「${q}」，换个关键词试试。`}
          </p>
        )
      ) : null}
    </div>
  );
}
