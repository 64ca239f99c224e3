// The 撞单 warning under a box where an investor is named: each existing investor whose name
// resembles the one typed, who holds it (the offices and promoters of its projects), and a button to
// use it instead of making a second one; on the new-investor form also the deliberate 「仍然新建」.
// The matches are a listbox driven from the name's box (useNameWarning): ↑ ↓, Enter, Esc.
import type { Ref } from 'react';
import type { InvestorHolder, SimilarInvestor } from '../../../domain/search';
import { classes } from '../ui/classes';
import './duplicate-warning.css';
import type { NameWarning } from './similar-investors';

interface Props {
  warning: NameWarning;
  /** Label of each match's button: 使用此投资方, 使用已有投资方 (new investor) or 查看 (editing). */
  useLabel: string;
  onUse: (match: SimilarInvestor) => void;
  /** What using one does, under the title. */
  help?: string;
  /** Offered on the new-investor form only. */
  onCreateAnyway?: () => void;
  busy?: boolean;
  ref?: Ref<HTMLDivElement>;
}

const defaultHelp = '下列投资方的名称与填写的相近。若是同一家，请使用已有投资方，以免重复跟进。';

export function DuplicateWarning(props: Props) {
  const { warning, useLabel, onUse, onCreateAnyway, busy, ref } = props;
  const { matches } = warning;
  if (matches.length === 0) return null;
  return (
    <div className="duplicate-warning" role="alert" ref={ref} tabIndex={-1}>
      <p className="duplicate-warning-title">可能与已有投资方重复（撞单）</p>
      {warning.folded ? (
        <p className="duplicate-warning-help">
          相近的已有投资方 {matches.length} 家，已收起。
          <button type="button" className="link-button" onClick={warning.unfold}>
            展开
          </button>
        </p>
      ) : (
        <>
          <p className="duplicate-warning-help">{props.help ?? defaultHelp}</p>
          <ul
            id={warning.listId}
            role="listbox"
            aria-label="相近的已有投资方"
            className="duplicate-warning-list"
          >
            {matches.map((m, i) => (
              <li
                key={m.id}
                id={warning.optionId(i)}
                role="option"
                aria-selected={i === warning.active}
                className={classes('duplicate-match', i === warning.active && 'active')}
                onMouseEnter={() => warning.setActive(i)}
              >
                <span className="duplicate-match-text">
                  <span className="ellipsis duplicate-match-name" title={m.nameZh}>
                    {m.nameZh}
                    {m.nameEn ? <span className="muted-text"> {m.nameEn}</span> : null}
                  </span>
                  <span className="ellipsis muted-text" title={whyText(m)}>
                    {whyText(m)}
                  </span>
                  {/* Who holds it is the point: wrapped, never cut (a few holders at most). */}
                  <span className="duplicate-match-holders">{holdersText(m)}</span>
                </span>
                <button
                  type="button"
                  className="secondary-button duplicate-match-use"
                  disabled={busy}
                  onClick={() => onUse(m)}
                >
                  {useLabel}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {onCreateAnyway ? (
        <div className="duplicate-warning-actions">
          <button
            type="button"
            className="secondary-button duplicate-warning-danger"
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

function whyText(m: SimilarInvestor): string {
  const why = m.sameCreditCode
    ? '统一社会信用代码相同'
    : m.matchedOn === m.nameZh
      ? '名称相近'
      : `相近名称：${m.matchedOn}`;
  return `${why} · 项目 ${m.projectCount} 个`;
}

/** 首报：北京 王芳（2021-03-01）；跟进：上海 张三（项目 2 个）、北京 李四（项目 1 个）. */
export function holdersText(m: SimilarInvestor): string {
  const who = (h: InvestorHolder) => `${h.office ?? '未填驻点'} ${h.promoter ?? '未填责任人'}`;
  const claim = m.holders.find((h) => h.source === 'claim');
  const projects = m.holders.filter((h) => h.source === 'project');
  const parts = [
    claim &&
      `首报：${who(claim)}（${claim.claimedOn ?? '日期未填'}${claim.decided ? '，本部认定' : ''}）`,
    projects.length > 0
      ? `跟进：${projects.map((h) => `${who(h)}（项目 ${h.projects} 个）`).join('、')}`
      : claim
        ? undefined
        : '尚无项目，无人跟进',
  ];
  return parts.filter(Boolean).join('；');
}
