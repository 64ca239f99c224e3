// The investor's projects (the ledger filtered by investor); a click opens a project.
import type { InvestorRecord } from '../../../domain/entities';
import type { LedgerRow } from '../../../domain/ledger';
import { stageLabels } from '../../../domain/lifecycle';
import { formatWanUsd, formatYiYuan } from '../../../domain/money';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { Clip } from '../ui/Clip';
import { DataTable } from '../ui/DataTable';
import { useLoad } from '../ui/use-load';
import { NameCell } from './NameCell';

const MAX_ROWS = 1000;

const head = {
  label: '投资方的项目',
  columns: [
    { label: '项目名称', col: '' },
    { label: '阶段', col: 'investors-col-stage' },
    { label: '总投资', className: 'investors-num', col: 'investors-col-amount' },
    { label: '合同外资', className: 'investors-num', col: 'investors-col-amount' },
    { label: '驻点', col: 'investors-col-office' },
  ],
};

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
        <DataTable
          className="investors-table investors-projects"
          scroll="investors-table-scroll investors-projects-scroll"
          head={head}
        >
          {rows.map((row) => {
            const open = () => navigate({ screen: 'project', id: row.id });
            return (
              <tr key={row.id} onClick={open}>
                <NameCell name={row.name} onOpen={open} />
                <td>{stageLabels[row.stage]}</td>
                <td className="investors-num">
                  <Clip
                    text={
                      row.totalInvestmentCny === null ? '' : formatYiYuan(row.totalInvestmentCny)
                    }
                  />
                </td>
                <td className="investors-num">
                  <Clip
                    text={row.contractedFdiUsd === null ? '' : formatWanUsd(row.contractedFdiUsd)}
                  />
                </td>
                <td>
                  <Clip text={row.office} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Card>
  );
}
