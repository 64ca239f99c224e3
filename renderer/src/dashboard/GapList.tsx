// 补差清单: per target counting 签约, 开工 or 竣工, how far it is from 确保 (or 力争) and which pipeline
// projects, by their planned dates in the rest of the year, could close that gap; most urgent light
// first. A row opens the project.
import { useState } from 'react';
import type { Dashboard } from '../../../domain/dashboard';
import { gapTargets, gapWhen } from '../../../domain/gap-list';
import type { GapTarget } from '../../../domain/gap-list';
import type { Light } from '../../../domain/schedule';
import { labelOf, offices } from '../../../domain/vocabulary';
import { useNavigate } from '../shell/navigation';
import { DataTable } from '../ui/DataTable';
import { countText, metricText } from './dashboard-format';
import { LightBadge } from './LightBadge';
import { LinkRow } from './LinkRow';

const urgency: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
const SHOWN = 8;

const head = {
  columns: ['项目', '驻点', '责任人', '时间', { label: '可增加', num: true }],
};

/** The sentence under a target: what is left to 确保 and how much the listed projects would add. */
function summary({ metric, list, goalKind, left, adds }: GapTarget): string {
  const pipeline =
    list.length === 0
      ? '年内没有计划中的项目可补'
      : `年内 ${countText(list.length)} 个项目计划中，合计可增加 ${metricText(metric.unit, adds)}`;
  if (left === 0) return `已完成${goalKind}目标；${pipeline}`;
  const short = left > adds ? `，全部落实后仍差 ${metricText(metric.unit, left - adds)}` : '';
  return `距${goalKind}目标还差 ${metricText(metric.unit, left)}；${pipeline}${short}`;
}

function Target({ target }: { target: GapTarget }) {
  const { metric, list, key } = target;
  const navigate = useNavigate();
  const [all, setAll] = useState(false);
  const rows = all ? list : list.slice(0, SHOWN);
  return (
    <section className="dash-gap-target" aria-label={`${metric.label}补差`}>
      <h3 className="dash-gap-title">
        <span>{metric.label}</span> <LightBadge light={metric.light} />
      </h3>
      <p className="dash-gap-summary">{summary(target)}</p>
      {list.length > 0 ? (
        <DataTable className="dash-table dash-gap-table" head={head}>
          {rows.map((g) => (
            <LinkRow
              key={g.projectId}
              onOpen={() => navigate({ screen: 'project', id: g.projectId })}
            >
              <td className="dash-name" title={g.name}>
                {g.code ? <span className="dash-code">{g.code}</span> : null}
                {g.name}
              </td>
              <td className="nowrap">{labelOf(offices, g.office) ?? '—'}</td>
              <td className="nowrap">{g.owner ?? '—'}</td>
              <td className="nowrap">{gapWhen(key, g)}</td>
              <td className="num nowrap">+{metricText(metric.unit, g.adds)}</td>
            </LinkRow>
          ))}
        </DataTable>
      ) : null}
      {list.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${countText(list.length)} 个项目`}
        </button>
      ) : null}
    </section>
  );
}

export function GapList({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.yearStatus === 'ended') {
    return <p className="dash-empty">{dashboard.year}年已结束，没有可补差的时间。</p>;
  }
  const targets = gapTargets(dashboard).sort(
    (a, b) =>
      (a.metric.light ? urgency[a.metric.light] : 3) -
      (b.metric.light ? urgency[b.metric.light] : 3),
  );
  if (targets.length === 0)
    return <p className="dash-empty">没有设定目标的签约、开工、竣工指标。</p>;
  return (
    <div className="dash-gap-list">
      {targets.map((t) => (
        <Target key={t.key} target={t} />
      ))}
    </div>
  );
}
