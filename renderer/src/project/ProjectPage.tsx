// A project's page: the header (name, code, stage, 来源地区 and 规模档次 as they stand, save), then
// tabs — 项目信息 (the form), 到资记录, 活动记录, 跟进事项, 首报首谈, 变更记录. Ctrl+S saves from any tab. A new
// project (id null) has only the form until it is first saved. Unsaved edits are guarded on every
// way out (shell/leave-guard.tsx) and kept in localStorage until saved or discarded.
import { useEffect, useState } from 'react';
import { tierLabels } from '../../../domain/classify';
import { regionLabels } from '../../../domain/countries';
import { stageLabels } from '../../../domain/lifecycle';
import { DeletePageButton } from '../shared/DeletePageButton';
import { useLeaveGuard } from '../shell/leave-guard';
import { useNavigate } from '../shell/navigation';
import { MergeIntoButton } from '../suspects/MergeIntoButton';
import { MergeNotice } from '../suspects/MergeNotice';
import { ClaimsSection } from '../claims/ClaimsSection';
import { ErrorBanner } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { ActivitiesTab } from './ActivitiesTab';
import { ArrivalsTab } from './ArrivalsTab';
import { HistoryTab } from './HistoryTab';
import { KeyInvestmentTab } from './KeyInvestmentTab';
import { keptAtText } from './kept-draft';
import { classifyDraft, rateYearOf } from './project-class';
import { ProjectForm } from './ProjectForm';
import { ProjectTabs } from './ProjectTabs';
import { RegionSource } from './RegionSource';
import type { TabKey } from './ProjectTabs';
import { TasksTab } from './TasksTab';
import { useCtrlShortcut } from './use-shortcut';
import { useDictionaries } from './use-dictionaries';
import { useKeptDraft } from './use-kept-draft';
import { useProjectEditor } from './use-project-editor';
import { useInvestmentRate } from './use-investment-rate';
import './project.css';

const tabHints: Record<Exclude<TabKey, 'info'>, string> = {
  arrivals: '登记到资记录',
  investment: '填写重点项目的年度计划投资和月度完成投资',
  activities: '添加活动记录',
  tasks: '添加跟进事项',
  claims: '登记首报首谈',
  history: '查看每次修改的变更记录',
};

export function ProjectPage({ id, tab: opened }: { id: string | null; tab?: TabKey | undefined }) {
  const navigate = useNavigate();
  const editor = useProjectEditor(id);
  const dictionaries = useDictionaries();
  const [tab, setTab] = useState<TabKey>(opened ?? 'info');
  const kept = useKeptDraft(editor, id);
  // Bumped when a save finds errors: the first invalid field (in page order) gets the focus.
  const [invalidTick, setInvalidTick] = useState(0);
  useEffect(() => {
    if (invalidTick === 0) return;
    document.querySelector<HTMLElement>('.project-form [aria-invalid="true"]')?.focus();
  }, [invalidTick]);
  const rateYear = rateYearOf(editor.draft, new Date().getFullYear());
  const rate = useInvestmentRate(rateYear, editor.draft.currency);
  const drafted = classifyDraft(editor.draft, rate.rate);
  const { record } = editor;
  // Without a country of its own the region is the investor group's, known once saved.
  const region = editor.draft.country || !record ? drafted.region : record.region;
  const klass = { ...drafted, region };

  const save = async () => {
    const result = await editor.save();
    if (result.outcome === 'invalid') {
      setTab('info');
      setInvalidTick((n) => n + 1);
    }
    // Dropped now: after 保存并离开 the page is gone before its effects run again.
    if (result.outcome === 'saved') kept.forget();
    return result;
  };

  useCtrlShortcut('s', () => void save(), editor.load.state === 'ready');

  const title = record ? record.name : '新建项目';
  useLeaveGuard({
    dirty: editor.dirty,
    what: record ? `项目「${record.name}」的修改` : '新建的项目',
    save: async () => {
      const { outcome } = await save();
      return outcome === 'saved' || outcome === 'unchanged';
    },
    discard: kept.forget,
  });

  // Unsaved edits are asked about by the leave guard, as on every other way out.
  const back = () => navigate({ screen: 'ledger' });

  if (editor.load.state !== 'ready') {
    return (
      <section className="project-page" aria-label="项目">
        <button type="button" className="link-button back-link" onClick={back}>
          ← 返回台账
        </button>
        {editor.load.state === 'loading' ? (
          <p className="tab-loading">正在打开项目……</p>
        ) : (
          <ErrorBanner error={editor.load.message} />
        )}
      </section>
    );
  }

  const errorCount = Object.keys(editor.errors).length;

  return (
    <section className="project-page" aria-labelledby="project-title">
      <header className="project-head">
        <button type="button" className="link-button back-link" onClick={back}>
          ← 返回台账
        </button>
        <h1 id="project-title" className="project-title" title={title}>
          {title}
        </h1>
        <div className="project-badges">
          {record?.code ? <span className="tag roomy tabular">{record.code}</span> : null}
          <span className="tag accent roomy" title="阶段">
            {stageLabels[editor.draft.stage]}
          </span>
          {klass.region ? (
            <span className="tag accent roomy" title="来源地区">
              {regionLabels[klass.region]}
            </span>
          ) : null}
          {klass.tier ? (
            <span className="tag accent roomy" title="规模档次">
              {tierLabels[klass.tier]}
            </span>
          ) : null}
        </div>
        {record ? (
          <MergeIntoButton
            kind="project"
            self={{ id: record.id, name: record.name }}
            className="project-merge"
            blocked={editor.dirty ? '有未保存的修改，请先保存或放弃，再合并' : null}
          />
        ) : null}
        {record ? (
          // Away from 保存 on purpose; the dialog says what goes with it and points to 终止.
          <DeletePageButton
            kind="project"
            id={record.id}
            className="project-delete"
            onDeleted={() => {
              kept.forget();
              navigate({ screen: 'ledger' }, { discard: true });
            }}
          />
        ) : null}
        <span className="save-state" aria-live="polite">
          {editor.saving
            ? '正在保存……'
            : editor.dirty
              ? '有未保存的修改'
              : (editor.notice ?? (record ? '' : '填写后保存'))}
        </span>
        <button
          type="button"
          className="primary-button"
          disabled={editor.saving}
          title="保存（Ctrl+S）"
          onClick={() => void save()}
        >
          保存
        </button>
      </header>
      {record ? <RegionSource record={record} /> : null}
      {record ? <MergeNotice keptId={record.id} /> : null}

      {kept.offer ? (
        <div className="kept-draft-bar" role="status">
          <span>
            上次编辑于 {keptAtText(kept.offer.savedAt)} 的修改尚未保存（窗口在保存前被关闭）。
          </span>
          <button type="button" className="primary-button small" onClick={kept.restore}>
            恢复未保存的修改
          </button>
          <button type="button" className="secondary-button small" onClick={kept.drop}>
            放弃
          </button>
        </div>
      ) : null}
      <ErrorBanner
        error={
          editor.saveError
            ? `保存失败：${editor.saveError}`
            : errorCount > 0
              ? `有 ${errorCount} 处需要修改，见各字段下方的红字说明；项目尚未保存。`
              : null
        }
      />

      <ProjectTabs current={tab} onSelect={setTab} />

      <div
        className="project-panel"
        role="tabpanel"
        id="project-panel-info"
        aria-labelledby="project-tab-info"
        hidden={tab !== 'info'}
      >
        <ProjectForm
          form={editor}
          klass={klass}
          rate={rate}
          rateYear={rateYear}
          dictionaries={dictionaries}
          onSubmit={() => void save()}
        />
      </div>
      {tab !== 'info' ? (
        <div
          className="project-panel"
          role="tabpanel"
          id={`project-panel-${tab}`}
          aria-labelledby={`project-tab-${tab}`}
        >
          {!record ? (
            <EmptyState title="先保存项目">
              <p>
                这是一个新项目。在「项目信息」中至少填写项目名称，按 Ctrl+S
                或点「保存」，之后就可以在这里{tabHints[tab]}。
              </p>
              <button type="button" className="secondary-button" onClick={() => setTab('info')}>
                去填写项目信息
              </button>
            </EmptyState>
          ) : tab === 'arrivals' ? (
            <ArrivalsTab projectId={record.id} />
          ) : tab === 'investment' ? (
            <KeyInvestmentTab projectId={record.id} />
          ) : tab === 'activities' ? (
            <ActivitiesTab projectId={record.id} />
          ) : tab === 'tasks' ? (
            <TasksTab projectId={record.id} />
          ) : tab === 'claims' ? (
            <ClaimsSection subject={{ kind: 'project', id: record.id }} />
          ) : (
            <HistoryTab
              projectId={record.id}
              currency={record.investmentCurrency ?? 'CNY'}
              version={record.updatedAt ?? ''}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
