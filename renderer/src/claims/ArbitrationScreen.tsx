// 首报首谈认定: each investor or project two offices both claim to have reported first, the holder
// and the challengers side by side (office, promoter, 首报日期, what was reported, the subject's
// projects and activities). 本部 picks a side with 「认定此方」 and an optional note (claim.decide);
// an office laptop sees the list read-only, with why. Reached from 同步 and the 首报首谈 sections.
import { useState } from 'react';
import type { ArbitrationCase } from '../../../domain/claims';
import { call } from '../api/client';
import { hqReadOnly, loadZoneStatus } from '../shared/hq-authority';
import { ErrorBanner } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import { useLoad } from '../ui/use-load';
import { ArbitrationCard } from './ArbitrationCard';
import './claims.css';

/** The cases with their subjects' names (the list carries ids only). */
async function loadCases(): Promise<{ cases: ArbitrationCase[]; names: Record<string, string> }> {
  const cases = await call('claim.arbitration', undefined);
  const names = await Promise.all(
    cases.map(async (c) =>
      c.subjectKind === 'investor'
        ? (await call('investor.get', { id: c.subjectId })).nameZh
        : (await call('project.get', { id: c.subjectId })).name,
    ),
  );
  return { cases, names: Object.fromEntries(cases.map((c, i) => [c.subjectId, names[i]!])) };
}

export function ArbitrationScreen() {
  const [decisions, setDecisions] = useState(0);
  const list = useLoad(loadCases, [decisions]);
  const zone = useLoad(loadZoneStatus, []);
  const [done, setDone] = useState<string | null>(null);
  const readOnly = hqReadOnly(zone.data);
  const cases = list.data?.cases ?? null;

  return (
    <section className="arbitration-screen" aria-labelledby="arbitration-title">
      <div className="toolbar">
        <GoButton className="link-button" to={{ screen: 'sync' }}>
          ‹ 同步
        </GoButton>
        <ScreenTitle id="arbitration-title">首报首谈认定</ScreenTitle>
        {cases && cases.length > 0 ? (
          <span className="muted-text">{cases.length} 件待认定</span>
        ) : null}
      </div>
      <p className="arbitration-note">
        同一投资方或项目有两个驻点都登记了首报首谈时，按分区时钟最先登记的一方暂时持有，其余驻点的登记列在这里，由本部认定归属；认定后随同步文件发往各驻点，看板排名的认定业绩随之调整。
      </p>
      {readOnly ? (
        <p className="arbitration-readonly" role="note">
          本机是驻点电脑，只能查看：首报首谈的认定由本部作出。对归属有异议，请与本部联系，或在登记中补充报送内容。
        </p>
      ) : null}
      {done ? (
        <p className="arbitration-done" role="status">
          {done}
        </p>
      ) : null}
      <ErrorBanner error={list.error} prefix="认定列表读取失败：" onRetry={list.reload} />
      {cases === null ? (
        list.error ? null : (
          <p className="list-loading" role="status">
            正在读取……
          </p>
        )
      ) : cases.length === 0 ? (
        <EmptyState title="没有待认定的首报首谈争议">
          <p>
            各投资方和项目的首报首谈都只有一个驻点登记，或已由本部认定。新的争议会在导入同步文件后列在这里。
          </p>
        </EmptyState>
      ) : (
        <ul className="arbitration-list" aria-label="待认定的首报首谈">
          {cases.map((c) => (
            <ArbitrationCard
              key={c.subjectId}
              item={c}
              name={list.data?.names[c.subjectId] ?? c.subjectId}
              readOnly={readOnly || zone.loading}
              onDecided={(text) => {
                setDone(text);
                setDecisions((n) => n + 1);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
