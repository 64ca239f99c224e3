// The 撞单 warning: existing investors whose names resemble the one being typed, each with a way to
// go to it instead; on the new-investor form also the deliberate 「仍然新建」.
import type { Ref } from 'react';
import type { SimilarInvestor } from '../../../domain/search';

interface Props {
  matches: SimilarInvestor[];
  /** Label of each match's button: 使用已有投资方 (new) or 查看 (editing). */
  useLabel: string;
  onUse: (id: string) => void;
  /** Offered on the new-investor form only. */
  onCreateAnyway?: () => void;
  busy?: boolean;
  ref?: Ref<HTMLDivElement>;
}

export function DuplicateWarning({ matches, useLabel, onUse, onCreateAnyway, busy, ref }: Props) {
  if (matches.length === 0) return null;
  return (
    <div className="investors-duplicates" role="alert" ref={ref} tabIndex={-1}>
      <p className="investors-duplicates-title">可能与已有投资方重复（撞单）</p>
      <p className="investors-duplicates-help">
        下列投资方的名称与填写的相近。若是同一家，请使用已有投资方，以免重复跟进。
      </p>
      <ul className="investors-duplicates-list">
        {matches.map((m) => (
          <li key={m.id} className="investors-duplicate">
            <span className="investors-duplicate-names">
              <span className="ellipsis investors-duplicate-name" title={m.nameZh}>
                {m.nameZh}
              </span>
              <span className="ellipsis muted-text" title={m.matchedOn}>
                相近名称：{m.matchedOn} · 项目 {m.projectCount} 个
              </span>
            </span>
            <button type="button" className="investors-small-button" onClick={() => onUse(m.id)}>
              {useLabel}
            </button>
          </li>
        ))}
      </ul>
      {onCreateAnyway ? (
        <div className="investors-duplicates-actions">
          <button
            type="button"
            className="investors-small-button investors-danger-button"
            disabled={busy}
            onClick={onCreateAnyway}
          >
            仍然新建
          </button>
          <span className="muted-text">确认不是同一家时使用</span>
        </div>
      ) : null}
    </div>
  );
}
