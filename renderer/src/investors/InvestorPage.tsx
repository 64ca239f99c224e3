// One investor's page: its details (editable), its projects (a click opens one) and its contacts;
// its 首报首谈 claims; 删除投资方… at the head's end (refused, saying why, while it has projects).
import { call } from '../api/client';
import { ClaimsSection } from '../claims/ClaimsSection';
import { DeletePageButton } from '../shared/DeletePageButton';
import { useNavigate } from '../shell/navigation';
import { MergeIntoButton } from '../suspects/MergeIntoButton';
import { MergeNotice } from '../suspects/MergeNotice';
import { useMerges } from '../suspects/merge-undo';
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
  // A merge into it, or its undo, changes its projects: read again.
  const merges = useMerges();
  const investor = useLoad(() => call('investor.get', { id }), [id, merges]);
  const inv = investor.data;

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
          <MergeIntoButton
            kind="investor"
            self={{ id: inv.id, name: inv.nameZh }}
            className="investors-merge"
          />
        ) : null}
        {inv ? (
          <DeletePageButton
            kind="investor"
            id={inv.id}
            className="investors-delete"
            onDeleted={() => navigate({ screen: 'investors' }, { discard: true })}
          />
        ) : null}
      </div>
      <MergeNotice keptId={id} />
      <ErrorBanner error={investor.error} onRetry={investor.reload} />
      {inv ? (
        <div className="investors-page-body">
          <InvestorDetails key={inv.id} investor={inv} onSaved={investor.reload} />
          <div className="investors-page-side">
            <InvestorProjects key={merges} investor={inv} />
            <InvestorContacts key={inv.id} investorId={inv.id} />
            <ClaimsSection
              key={`claims-${inv.id}-${merges}`}
              subject={{ kind: 'investor', id: inv.id }}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}
