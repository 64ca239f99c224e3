// 目标设置: a year's targets (确保 and 力争 per metric, computed or typed in monthly), their allocation
// to the offices with a check that the shares add up, and a new year started as a copy of the last.
// They are 本部's: an office laptop of a zone shows them read-only, with 向本部提建议.
import { useMemo, useState } from 'react';
import type { TargetRecord } from '../../../domain/targets';
import { call } from '../api/client';
import { YearPicker } from '../dashboard/YearPicker';
import { HqManaged } from '../shared/HqManaged';
import { hqReadOnly, loadZoneStatus } from '../shared/hq-authority';
import { ErrorBanner, ErrorText } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { TargetRow } from './TargetRow';
import { useTargets } from './use-targets';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import { TableHead } from '../ui/TableHead';
import '../dashboard/dashboard.css';
import './targets.css';

interface Props {
  initialYear?: number;
}

export function TargetsScreen({ initialYear }: Props) {
  const [year, setYear] = useState(initialYear ?? new Date().getFullYear());
  const { targets, error, reload, put } = useTargets(year);
  const zone = useLoad(loadZoneStatus, []);
  // Unknown until zone.status answers; if it fails, the backend's own refusal still stands.
  const readOnly = zone.loading ? null : hqReadOnly(zone.data);

  return (
    <section className="targets-screen" aria-labelledby="targets-title">
      <header className="dash-head">
        <ScreenTitle id="targets-title">目标设置</ScreenTitle>
        <YearPicker value={year} onChange={setYear} />
        <p className="dash-scope">
          {readOnly
            ? '全区目标及各驻点分配，金额单位为万美元（外资）或亿元（内资、投资额）。'
            : '金额按万美元（外资）或亿元（内资、投资额）填写；改完按回车或离开输入框即保存。'}
        </p>
        <div className="dash-actions">
          <GoButton className="secondary-button small" to={{ screen: 'dashboard' }}>
            返回看板
          </GoButton>
        </div>
      </header>
      {readOnly ? <HqManaged subject={`${year} 年目标`} /> : null}
      <ErrorBanner error={error} prefix="目标读取失败：" />
      {targets === null || readOnly === null ? (
        error ? null : (
          <p className="dash-muted">正在读取目标……</p>
        )
      ) : targets.length === 0 ? (
        readOnly ? (
          <div className="dash-empty targets-empty">
            <p>本部还没有发来 {year} 年的目标：本部设置后，随本部的同步文件到达本机。</p>
          </div>
        ) : (
          <EmptyYear year={year} onCopied={reload} />
        )
      ) : (
        <TargetTable targets={targets} onSaved={put} readOnly={readOnly} />
      )}
    </section>
  );
}

function EmptyYear({ year, onCopied }: { year: number; onCopied: () => void }) {
  const copying = useSubmit();
  const copy = () =>
    void copying.run(async () => {
      await call('target.copyYear', { from: year - 1, to: year });
      onCopied();
    });
  return (
    <div className="dash-empty targets-empty">
      <p>
        {year} 年还没有目标。可以从上一年（{year - 1} 年）复制全部指标和驻点分配，再逐项修改。
      </p>
      <button type="button" className="primary-button" disabled={copying.busy} onClick={copy}>
        {copying.busy ? '正在复制……' : '从上一年复制'}
      </button>
      <ErrorText error={copying.error} />
    </div>
  );
}

function TargetTable({
  targets,
  onSaved,
  readOnly,
}: {
  targets: TargetRecord[];
  onSaved: (r: TargetRecord) => void;
  readOnly: boolean;
}) {
  const { zone, offices } = useMemo(() => {
    const zoneRows = targets.filter((t) => t.scope === 'zone');
    const byKey = new Map<string, Map<string, TargetRecord>>();
    for (const t of targets) {
      if (t.scope === 'zone') continue;
      const map = byKey.get(t.key) ?? new Map<string, TargetRecord>();
      map.set(t.scope, t);
      byKey.set(t.key, map);
    }
    return { zone: zoneRows, offices: byKey };
  }, [targets]);
  const groups = [
    { title: '根据项目数据自动计算', rows: zone.filter((t) => t.mode === 'computed') },
    { title: '手工填报（每月录入实际值）', rows: zone.filter((t) => t.mode === 'manual') },
  ];
  return (
    <div className="targets-scroll">
      <table className="dash-table targets-table">
        <TableHead columns={['指标', '方式', '单位', '确保', '力争', '驻点分配 · 月度实际']} />
        {groups.map((group) => (
          <tbody key={group.title}>
            <tr className="targets-group">
              <th colSpan={6} scope="colgroup">
                {group.title}
              </th>
            </tr>
            {group.rows.map((t) => (
              <TargetRow
                key={t.id}
                zone={t}
                byOffice={offices.get(t.key) ?? new Map()}
                onSaved={onSaved}
                readOnly={readOnly}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
