// 以项目论英雄: offices and promoters ranked by the year's signings (by tier), amounts and landings.
// Every count opens the signings it counts; 认定业绩 is the 首报首谈 credit the order follows
// (docs/domain.md). The promoters' list shows the first ten until expanded.
import { useState } from 'react';
import type { Dashboard, RankingRow } from '../../../domain/dashboard';
import { tierLabels } from '../../../domain/classify';
import type { Tier } from '../../../domain/classify';
import { stageLabels } from '../../../domain/lifecycle';
import { formatNumber } from '../../../domain/money';
import { countText, wanUsdText, yiText } from './dashboard-format';
import type { DrillRequest } from './drill';
import { DataTable } from '../ui/DataTable';
import { DrillCell } from './DrillNumber';

type By = 'office' | 'promoter';
const tiers: Exclude<Tier, 'none'>[] = ['t100', 't50_100', 't10_50', 't1_10'];
const FIRST = 10;
const CREDIT_TITLE =
  '按首报首谈认定的签约总投资：首报人计全额，以商引商、委托招商按分成比例（合计超过 100% 时按比例缩减）；名次依此排列';

function request(by: By, row: RankingRow, part?: Exclude<Tier, 'none'> | 'landed'): DrillRequest {
  const base = { kind: 'ranking' as const, by, id: row.id };
  if (part === 'landed') {
    return {
      title: `${row.name}：当年签约且已落地的项目`,
      targets: [{ ...base, landed: true }],
      expected: row.landed,
    };
  }
  if (part) {
    return {
      title: `${row.name}：当年签约的${tierLabels[part]}项目`,
      targets: [{ ...base, tier: part }],
      expected: row.byTier[part],
    };
  }
  return { title: `${row.name}：当年签约项目`, targets: [base], expected: row.signed };
}

interface Props {
  dashboard: Dashboard;
  by: By;
}

export function Ranking({ dashboard, by }: Props) {
  const [all, setAll] = useState(false);
  const rows = by === 'office' ? dashboard.ranking.offices : dashboard.ranking.promoters;
  const landedStage = stageLabels[dashboard.landingRule.milestone];
  if (rows.every((r) => r.signed === 0 && r.credit.signed === 0)) {
    return (
      <p className="dash-empty">
        {dashboard.year} 年还没有签约项目。项目签约后按驻点和招商人员排名。
      </p>
    );
  }
  const shown = all ? rows : rows.slice(0, FIRST);
  const num = (label: string, title?: string) => ({ label, num: true, title });
  const head = {
    columns: [
      num('名次'),
      by === 'office' ? '驻点' : '招商人员',
      num('签约'),
      ...tiers.map((t) => num(tierLabels[t])),
      num('总投资（亿元）'),
      num('合同外资（万美元）'),
      num('已落地', `签约后已达「${landedStage}」`),
      num('认定业绩（亿元）', CREDIT_TITLE),
    ],
  };
  return (
    <>
      <DataTable className="dash-table dash-ranking" head={head}>
        {shown.map((row, i) => (
          <tr key={row.id}>
            <td className="num">{i + 1}</td>
            <th scope="row" className="dash-name" title={row.name}>
              {row.name}
            </th>
            <DrillCell request={request(by, row)}>{countText(row.signed)}</DrillCell>
            {tiers.map((t) => (
              <DrillCell key={t} request={request(by, row, t)}>
                {countText(row.byTier[t])}
              </DrillCell>
            ))}
            <DrillCell request={request(by, row)}>{yiText(row.totalCny)}</DrillCell>
            <DrillCell
              request={{
                ...request(by, row),
                keep: (r) => (r.contractedFdiUsd ?? 0) > 0,
                expected: undefined,
              }}
            >
              {wanUsdText(row.contractedFdiUsd)}
            </DrillCell>
            <DrillCell request={request(by, row, 'landed')}>{countText(row.landed)}</DrillCell>
            <td className="num" title={`认定签约 ${formatNumber(row.credit.signed, 2)} 个`}>
              {yiText(row.credit.totalCny)}
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length > FIRST ? (
        <button type="button" className="link-button dash-more" onClick={() => setAll(!all)}>
          {all ? `只看前 ${FIRST} 名` : `显示全部 ${rows.length} 人`}
        </button>
      ) : null}
    </>
  );
}
