// 「首报首谈」 on an investor's or a project's page: who holds the subject (first by the zone's
// clock, or by 本部's decision), a warning while another office's claim challenges it, the claims
// on it with 删除, and the form to register one.
import { useState } from 'react';
import type { ClaimHolder, ClaimList } from '../../../domain/claims';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { Clip } from '../ui/Clip';
import { DataTable } from '../ui/DataTable';
import { GoButton } from '../ui/GoButton';
import { ListState } from '../ui/ListState';
import { useLoad } from '../ui/use-load';
import { useRestores } from '../shared/undo-store';
import { useDeleteRow } from '../shared/use-delete-row';
import { ClaimForm } from './ClaimForm';
import type { ClaimSubject } from './ClaimForm';
import { claimantText, holderReason, officeLabel, roleText } from './claim-format';
import { DeleteRowButton } from '../shared/DeleteRowButton';
// Its table, buttons and form share the investor page's look, on the project page too.
import '../investors/investors.css';
import './claims.css';

const head = {
  label: '首报首谈记录',
  columns: [
    { label: '角色', col: 'claims-col-role' },
    { label: '驻点', col: 'claims-col-office' },
    { label: '招商人员', col: 'claims-col-person' },
    { label: '首报日期', col: 'claims-col-date' },
    { label: '报送内容', col: '' },
    { label: '操作', hidden: true, col: 'claims-col-actions' },
  ],
};

export function ClaimsSection({ subject }: { subject: ClaimSubject }) {
  // After 撤销 of a delete (here or elsewhere) the restored claim reappears.
  const restores = useRestores();
  const list = useLoad(() => call('claim.list', { subjectId: subject.id }), [subject.id, restores]);
  const [adding, setAdding] = useState(false);
  const removal = useDeleteRow('claim', () => list.reload());
  const data = list.data;
  const claims = data?.claims ?? null;
  const holderId = data?.holders[0]?.claimId;

  return (
    <Card
      id={`claims-${subject.id}`}
      title="首报首谈"
      className="investors-card claims-card"
      actions={
        adding ? null : (
          <button type="button" className="investors-small-button" onClick={() => setAdding(true)}>
            登记首报
          </button>
        )
      }
    >
      {data ? <HolderLine data={data} /> : null}
      {data ? <ChallengeWarning data={data} /> : null}
      <ErrorText error={removal.error} className="investors-error" />
      {claims && claims.length > 0 ? (
        <DataTable
          className="investors-table claims-table"
          scroll="claims-table-scroll"
          head={head}
        >
          {claims.map((c) => (
            <tr key={c.id} className="investors-static-row">
              <td>
                {roleText(c)}
                {c.id === holderId ? <span className="tag accent claims-holds">持有</span> : null}
              </td>
              <td>{officeLabel(c.officeId)}</td>
              <td>
                <Clip text={c.promoterName ?? '—'} />
              </td>
              <td className="tabular">{c.claimedOn ?? '—'}</td>
              <td>
                <Clip text={c.reported ?? ''} />
              </td>
              <td className="investors-row-actions">
                <DeleteRowButton
                  removal={removal}
                  id={c.id}
                  label={`删除 ${claimantText(c)} 的${roleText(c)}`}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : adding ? null : (
        <ListState
          list={{ data: claims, error: list.error, reload: list.reload }}
          className="investors-empty"
          empty="还没有首报首谈记录。点「登记首报」记下哪个驻点、哪位招商人员最先报送，以及报送了什么。"
        />
      )}
      {adding ? (
        <ClaimForm
          subject={subject}
          onSaved={() => {
            setAdding(false);
            list.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
    </Card>
  );
}

function HolderLine({ data }: { data: ClaimList }) {
  const holder: ClaimHolder | undefined = data.holders[0];
  if (!holder) {
    return data.claims.length > 0 ? (
      <p className="claims-holder">还没有首报首谈（持有人）记录。</p>
    ) : null;
  }
  const claim = data.claims.find((c) => c.id === holder.claimId);
  return (
    <p className="claims-holder">
      持有：<strong>{claim ? claimantText(claim) : officeLabel(holder.officeId)}</strong>
      {claim?.claimedOn ? `，${claim.claimedOn} 首报` : ''}
      <span className={holder.by === 'decided' ? 'tag accent' : 'tag'}>{holderReason(holder)}</span>
    </p>
  );
}

function ChallengeWarning({ data }: { data: ClaimList }) {
  const challengers = data.arbitration.flatMap((a) => a.challengers);
  if (challengers.length === 0) return null;
  const names = [...new Set(challengers.map((c) => claimantText(c)))].join('、');
  return (
    <p className="claims-warning" role="status">
      {names} 也报送了首报首谈，待本部认定。
      <GoButton className="link-button" to={{ screen: 'arbitration' }}>
        查看认定列表
      </GoButton>
    </p>
  );
}
