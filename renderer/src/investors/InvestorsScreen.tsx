// 投资方: the searchable investor list (Chinese, English, aliases) and, beside it, the form for a new
// investor with its 撞单 warning; 疑似重复 opens the review of pairs that look like one investor.
import { useState } from 'react';
import type { InvestorRecord } from '../../../domain/entities';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { ErrorBanner } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { InvestorCreateForm } from './InvestorCreateForm';
import { InvestorTable } from './InvestorTable';
import { useInvestorList } from './use-investor-list';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import './investors.css';

const SEARCH_DELAY_MS = 300;

export function InvestorsScreen() {
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<InvestorRecord | null>(null);
  const [reloads, setReloads] = useState(0);
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const list = useInvestorList(q, reloads);

  const onCreated = (investor: InvestorRecord) => {
    setCreated(investor);
    setCreating(false);
    setReloads((n) => n + 1);
  };

  return (
    <section className="investors-screen" aria-labelledby="investors-title">
      <div className="toolbar">
        <ScreenTitle id="investors-title" className="investors-title">
          投资方
        </ScreenTitle>
        <input
          type="search"
          className="search-box"
          aria-label="搜索投资方"
          placeholder="中文名称、英文名称或简称"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {list.loading ? <span className="muted-text">正在查找……</span> : null}
        <GoButton className="secondary-button toolbar-end" to={{ screen: 'suspects' }}>
          疑似重复
        </GoButton>
        <button
          type="button"
          className="primary-button"
          aria-expanded={creating}
          onClick={() => {
            setCreated(null);
            setCreating(true);
          }}
        >
          新建投资方
        </button>
      </div>
      {created ? (
        <div className="notice-banner" role="status">
          <span className="ellipsis" title={created.nameZh}>
            已新建投资方「{created.nameZh}」
          </span>
          <GoButton className="link-button" to={{ screen: 'investor', id: created.id }}>
            打开
          </GoButton>
        </div>
      ) : null}
      <ErrorBanner error={list.error} onRetry={() => setReloads((n) => n + 1)} />
      <div className={creating ? 'investors-body with-panel' : 'investors-body'}>
        <div className="investors-list">
          {list.items.length > 0 ? (
            <div className="table-scroll">
              <InvestorTable items={list.items} />
              {list.more ? (
                <button
                  type="button"
                  className="secondary-button investors-more"
                  disabled={list.loading}
                  onClick={list.loadMore}
                >
                  加载更多
                </button>
              ) : null}
            </div>
          ) : list.loading || list.error ? null : q ? (
            <EmptyState title={`没有找到「${q}」`}>
              <p>
                中文全称、英文名称和简称都能搜索，换个写法试试；确实没有，就点「新建投资方」录入。
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="还没有投资方">
              <p>
                点右上角「新建投资方」录入第一家；在台账中新建项目时填写的投资方也会自动出现在这里。
              </p>
            </EmptyState>
          )}
        </div>
        {creating ? (
          <aside className="side-panel investors-panel">
            <InvestorCreateForm onCreated={onCreated} onCancel={() => setCreating(false)} />
          </aside>
        ) : null}
      </div>
    </section>
  );
}
