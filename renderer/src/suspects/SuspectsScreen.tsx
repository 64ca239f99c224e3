// 疑似重复: pairs of investors, projects or contacts that look like one record (suspects.list), side
// by side with why; merge keeping either side (asked first, undone from the notice), or 「不是同一家」,
// a synced judgment that takes the pair off every office's list. Reached from the 投资方 screen and
// from an import's report on 同步.
import { useState } from 'react';
import { mergeKindLabels } from '../../../domain/merge';
import type { Suspect, SuspectSide } from '../../../domain/suspects';
import { suspectReasons } from '../../../domain/suspects';
import { call } from '../api/client';
import { ErrorBanner, ErrorText } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { MergeConfirm } from './MergeConfirm';
import type { MergePair } from './use-merge-confirmation';
import { MergeNotice } from './MergeNotice';
import { useMerges } from './merge-undo';
import { useMergeConfirmation } from './use-merge-confirmation';
import './suspects.css';

const howFound =
  '按名称（忽略企业类型、括号、全半角和繁简）、简称和别名、统一社会信用代码、项目代码，' +
  '以及同名项目的投资方、总投资和签约日期、联系人的电话查找；每次导入同步文件后再查一次。';

const pairKey = (s: Suspect) => `${s.kind}:${s.a.id}:${s.b.id}`;

const pairOf = (s: Suspect, keep: SuspectSide, other: SuspectSide): MergePair => ({
  kind: s.kind,
  keep: { id: keep.id, name: keep.name },
  other: { id: other.id, name: other.name },
});

export function SuspectsScreen() {
  const merges = useMerges();
  const list = useLoad(() => call('suspects.list', {}), [merges]);
  const submit = useSubmit();
  const [acting, setActing] = useState<string | null>(null);
  const merge = useMergeConfirmation(submit);
  const notSame = (s: Suspect) => {
    setActing(pairKey(s));
    void submit
      .run(async () => {
        await call('suspects.notDuplicate', { kind: s.kind, a: s.a.id, b: s.b.id });
        list.update((d) => ({
          ...d,
          suspects: d.suspects.filter((x) => pairKey(x) !== pairKey(s)),
        }));
      })
      .then(() => setActing(null));
  };
  const suspects = list.data?.suspects ?? null;

  return (
    <section className="suspects-screen" aria-labelledby="suspects-title">
      <div className="toolbar">
        <GoButton className="link-button" to={{ screen: 'investors' }}>
          ‹ 投资方
        </GoButton>
        <ScreenTitle id="suspects-title">疑似重复</ScreenTitle>
        {suspects && suspects.length > 0 ? (
          <span className="muted-text">
            {suspects.length} 组{list.data?.truncated ? '（只列出前面的，处理后会列出更多）' : ''}
          </span>
        ) : null}
      </div>
      <MergeNotice />
      <ErrorBanner error={list.error} prefix="疑似重复读取失败：" onRetry={list.reload} />
      {merge.about === null ? (
        <ErrorText error={submit.error} prefix="操作失败：" className="error-banner" />
      ) : null}
      {suspects === null ? (
        list.error ? null : (
          <p className="list-loading" role="status">
            正在查找疑似重复……
          </p>
        )
      ) : suspects.length === 0 ? (
        <EmptyState title="没有疑似重复的记录">
          <p>{howFound}</p>
        </EmptyState>
      ) : (
        <ul className="suspect-list" aria-label="疑似重复的记录">
          {suspects.map((s) => {
            const key = pairKey(s);
            const busy = submit.busy && acting === key;
            return (
              <li key={key} className="card suspect-pair" aria-label={`${s.a.name} 与 ${s.b.name}`}>
                <div className="suspect-head">
                  <span className="tag">{mergeKindLabels[s.kind]}</span>
                  <span className="suspect-reasons">
                    {s.reasons.map((r) => suspectReasons[r]).join('；')}
                  </span>
                </div>
                <div className="suspect-sides">
                  <Side side={s.a} kind={s.kind} />
                  <Side side={s.b} kind={s.kind} />
                </div>
                <div className="suspect-actions">
                  {(
                    [
                      ['合并，保留左边', s.a, s.b],
                      ['合并，保留右边', s.b, s.a],
                    ] as const
                  ).map(([label, keep, other]) => (
                    <button
                      key={label}
                      type="button"
                      className="secondary-button"
                      disabled={submit.busy}
                      onClick={() => {
                        setActing(key);
                        merge.ask(pairOf(s, keep, other));
                      }}
                    >
                      {label}
                    </button>
                  ))}
                  <button
                    type="button"
                    className="link-button"
                    disabled={submit.busy}
                    onClick={() => notSame(s)}
                  >
                    {busy ? '正在保存……' : s.kind === 'investor' ? '不是同一家' : '不是同一个'}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <MergeConfirm merge={merge} />
    </section>
  );
}

function Side({ side, kind }: { side: SuspectSide; kind: Suspect['kind'] }) {
  return (
    <div className="suspect-side">
      {kind === 'contact' ? (
        <span className="suspect-name" title={side.name}>
          {side.name}
        </span>
      ) : (
        <GoButton
          className="link-button suspect-name"
          title={side.name}
          to={{ screen: kind, id: side.id }}
        >
          {side.name}
        </GoButton>
      )}
      <span className="muted-text">{side.office ?? '未填驻点'}</span>
      {side.detail ? (
        <span className="suspect-detail" title={side.detail}>
          {side.detail}
        </span>
      ) : null}
    </div>
  );
}
