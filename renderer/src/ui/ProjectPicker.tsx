// Picks an existing project: typed words go to ledger.query (name, investor or code) and the matches
// list under the box, driven as every SearchPicker is (arrow keys, Enter, Esc).
import { useState } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { call } from '../api/client';
import type { ControlProps } from './Field';
import { SearchPicker } from './SearchPicker';

const MAX_MATCHES = 8;

interface Props {
  /** The box's id and aria (from a Field, or the id alone); the options' ids start with it. */
  control: Partial<ControlProps> & { id: string };
  /** A label inside the bar, for a picker that stands alone (not in a Field). */
  label?: string;
  initialQuery?: string;
  /** While the pick is being acted on: picking again waits. */
  busy?: boolean;
  /** Opened on purpose: typing goes straight into the search. */
  autoFocus?: boolean;
  /** Said after 「没有找到…」: another way forward. */
  noMatchHint?: string;
  onPick: (project: LedgerRow) => void;
  /** Shows 取消 (and Esc) to give up. */
  onCancel?: () => void;
}

type ProjectMatch = LedgerRow & { meta: string };

async function searchProjects(q: string): Promise<ProjectMatch[]> {
  const page = await call('ledger.query', { q, limit: MAX_MATCHES });
  return page.rows.map((row) => ({
    ...row,
    meta: [row.code, row.investor].filter(Boolean).join(' · '),
  }));
}

export function ProjectPicker(props: Props) {
  const { noMatchHint, onPick } = props;
  const [text, setText] = useState(props.initialQuery ?? '');
  return (
    <SearchPicker
      control={props.control}
      label={props.label}
      text={text}
      onText={setText}
      search={searchProjects}
      listLabel="匹配的项目"
      placeholder="项目名称、投资方或项目编号"
      maxLength={100}
      busy={props.busy}
      autoFocus={props.autoFocus}
      noMatch={(q) =>
        `没有找到与「${q}」相关的项目。换个关键词试试${noMatchHint ? `，${noMatchHint}` : '。'}`
      }
      onPick={({ meta: _, ...project }) => onPick(project)}
      onCancel={props.onCancel}
    />
  );
}
