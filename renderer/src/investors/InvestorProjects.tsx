// The investor's projects (the ledger filtered by investor); a click opens a project.
import type { InvestorRecord } from '../../../domain/entities';
import type { LedgerRow } from '../../../domain/ledger';
import { stageLabels } from '../../../domain/lifecycle';
import { formatWanUsd, formatYiYuan } from '../../../domain/money';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { useLoad } from '../ui/use-load';
import { TableHead } from '../ui/TableHead';

const MAX_ROWS = 1000;

async function projectsOf(investorId: string): Promise<LedgerRow[]> {
  const page = await call('ledger.query', {
    investorId,
    limit: MAX_ROWS,
    sort: { key: 'updatedAt', dir: 'desc' },
  });
  return page.rows;
}

export function InvestorProjects({ investor }: { investor: InvestorRecord }) {
  const navigate = useNavigate();
  const { id, nameZh, projectCount } = investor;
  const projects = useLoad(() => projectsOf(id), [id]);
  const rows = projects.data;

  return (
    <Card
      id="investor-projects"
      title={`项目（${projectCount} 个）`}
      className="investors-card"
      actions={
        rows && rows.length < projectCount ? (
          <span className="muted-text">显示 {rows.length} 个</span>
        ) : null
      }
    >
      {projects.error ? (
        <ErrorText error={projects.error} className="investors-error" />
      ) : rows === null ? (
        <p className="muted-text">正在加载项目……</p>
      ) : rows.length === 0 ? (
        <p className="investors-empty">
          还没有项目。在台账新建项目时，投资方填写「{nameZh}」，项目就会出现在这里。
        </p>
      ) : (
        <div className="investors-table-scroll investors-projects-scroll">
          <table className="investors-table investors-projects" aria-label="投资方的项目">
            <colgroup>
              <col />
              <col className="investors-col-stage" />
              <col className="investors-col-amount" />
              <col className="investors-col-amount" />
              <col className="investors-col-office" />
            </colgroup>
            <TableHead
              columns={[
                '项目名称',
                '阶段',
                { label: '总投资', className: 'investors-num' },
                { label: '合同外资', className: 'investors-num' },
                '驻点',
              ]}
            />
            <tbody>
              {rows.map((row) => {
                const open = () => navigate({ screen: 'project', id: row.id });
                const total =
                  row.totalInvestmentCny === null ? '' : formatYiYuan(row.totalInvestmentCny);
                const fdi = row.contractedFdiUsd === null ? '' : formatWanUsd(row.contractedFdiUsd);
                return (
                  <tr key={row.id} onClick={open}>
                    <td>
                      <button
                        type="button"
                        className="link-button investors-link ellipsis"
                        title={row.name}
                        onClick={(e) => {
                          e.stopPropagation();
                          open();
                        }}
                      >
                        {row.name}
                      </button>
                    </td>
                    <td>{stageLabels[row.stage]}</td>
                    <td className="investors-num">
                      <span className="ellipsis" title={total}>
                        {total}
                      </span>
                    </td>
                    <td className="investors-num">
                      <span className="ellipsis" title={fdi}>
                        {fdi}
                      </span>
                    </td>
                    <td>
                      <span className="ellipsis" title={row.office ?? undefined}>
                        {row.office}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
