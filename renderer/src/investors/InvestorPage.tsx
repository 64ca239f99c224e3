// One investor's page: its details (editable), its projects (a click opens one) and its contacts;
// 删除投资方… at the head's end (refused, saying why, while it has projects).
import { useState } from 'react';
import { call } from '../api/client';
import { DeleteDialog } from '../shared/DeleteDialog';
import { useNavigate } from '../shell/navigation';
import { ErrorBanner } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { InvestorContacts } from './InvestorContacts';
import { InvestorDetails } from './InvestorDetails';
import { InvestorFlagTags } from './InvestorFlagTags';
import { InvestorProjects } from './InvestorProjects';
import { GoButton } from '../ui/GoButton';
import './investors.css';

export function InvestorPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const investor = useLoad(() => call('investor.get', { id }), [id]);
  const inv = investor.data;
  const [deleting, setDeleting] = useState(false);

  return (
    <section className="investors-page" aria-labelledby="investors-page-title">
      <div className="investors-page-head">
        <GoButton className="link-button investors-back" to={{ screen: 'investors' }}>
          ‹ 投资方
        </GoButton>
        <h1
          id="investors-page-title"
          className="screen-title investors-page-title ellipsis"
          title={inv?.nameZh}
        >
          {inv?.nameZh ?? (investor.error ? '投资方' : '正在加载……')}
        </h1>
        {inv?.nameEn ? (
          <span className="muted-text ellipsis investors-page-en" title={inv.nameEn}>
            {inv.nameEn}
          </span>
        ) : null}
        {inv ? <InvestorFlagTags investor={inv} /> : null}
        {inv ? (
          <button
            type="button"
            className="link-button investors-delete"
            onClick={() => setDeleting(true)}
          >
            删除投资方…
          </button>
        ) : null}
      </div>
      {deleting && inv ? (
        <DeleteDialog
          kind="investor"
          id={inv.id}
          onCancel={() => setDeleting(false)}
          onDeleted={() => navigate({ screen: 'investors' }, { discard: true })}
        />
      ) : null}
      <ErrorBanner error={investor.error} onRetry={investor.reload} />
      {inv ? (
        <div className="investors-page-body">
          <InvestorDetails key={inv.id} investor={inv} onSaved={investor.reload} />
          <div className="investors-page-side">
            <InvestorProjects investor={inv} />
            <InvestorContacts key={inv.id} investorId={inv.id} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
