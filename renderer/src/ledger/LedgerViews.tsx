// 「视图」: saved views of the 台账 (filters, shown columns and sort under a name, kept on this
// laptop). Choosing one applies it; 「保存为视图…」 asks a name (the same name replaces that view);
// each view can be deleted after a confirmation. The button names the view on screen, if any.
import { useCallback, useMemo, useState } from 'react';
import type { SavedView } from '../../../domain/views';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Form } from '../ui/Form';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { LedgerPopover } from './LedgerPopover';
import type { LedgerViewState } from './ledger-views';
import { currentView, definitionOf, stateOfDefinition } from './ledger-views';

const NAME_MAX = 50;

interface Props {
  state: LedgerViewState;
  onApply: (state: LedgerViewState) => void;
}

export function LedgerViews({ state, onApply }: Props) {
  const list = useLoad(() => call('view.list'), []);
  const views = list.data;
  const [open, setOpen] = useState(false);
  /** The name being typed, or null while the save form is closed. */
  const [name, setName] = useState<string | null>(null);
  const saving = useSubmit();
  const removing = useSubmit();
  const [confirming, setConfirming] = useState<string | null>(null);
  const { reload } = list;
  const { clear } = saving;

  const active = useMemo(() => (views ? currentView(views, state) : undefined), [views, state]);

  const onOpenChange = useCallback(
    (next: boolean) => {
      setOpen(next);
      setName(null);
      clear();
      setConfirming(null);
      if (next) reload();
    },
    [reload, clear],
  );

  const apply = (view: SavedView) => {
    onApply(stateOfDefinition(view.definition));
    setOpen(false);
  };

  const trimmed = name?.trim() ?? '';
  const replaces = views?.find((v) => v.name === trimmed);

  const save = () => {
    if (!trimmed) return saving.fail('请填写视图名称');
    void saving.run(async () => {
      await call('view.save', { name: trimmed, definition: definitionOf(state) });
      reload();
      setName(null);
      setOpen(false);
    });
  };

  const remove = (view: SavedView) =>
    void removing.run(async () => {
      await call('view.delete', { id: view.id });
      setConfirming(null);
      reload();
    });

  return (
    <LedgerPopover
      open={open}
      onOpenChange={onOpenChange}
      panelLabel="已保存的视图"
      className="ledger-views-menu"
      buttonTitle={active ? `当前视图：${active.name}` : '选择、保存或删除视图'}
      button={
        <>
          视图
          {active ? <span className="ledger-view-current">：{active.name}</span> : null}
        </>
      }
    >
      <p className="ledger-panel-title">已保存的视图</p>
      <ErrorText error={list.error ?? removing.error} className="ledger-panel-error" />
      {views === null ? (
        list.error ? null : (
          <p className="ledger-panel-empty">正在读取……</p>
        )
      ) : views.length === 0 ? (
        <p className="ledger-panel-empty">
          还没有保存的视图。设好筛选、列和排序后，点「保存为视图…」，下次一点即可恢复。
        </p>
      ) : (
        <ul className="ledger-view-list">
          {views.map((view) => (
            <li key={view.id} className={view.id === active?.id ? 'current' : undefined}>
              {confirming === view.id ? (
                <>
                  <span className="ledger-view-confirm" title={view.name}>
                    删除「{view.name}」？
                  </span>
                  <button
                    type="button"
                    className="link-button danger"
                    aria-label={`确认删除视图「${view.name}」`}
                    disabled={removing.busy}
                    onClick={() => remove(view)}
                  >
                    确认删除
                  </button>
                  <button type="button" className="link-button" onClick={() => setConfirming(null)}>
                    取消
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    className="ledger-view-apply"
                    title={view.name}
                    aria-current={view.id === active?.id ? 'true' : undefined}
                    onClick={() => apply(view)}
                  >
                    {view.name}
                  </button>
                  <button
                    type="button"
                    className="link-button danger"
                    aria-label={`删除视图「${view.name}」`}
                    onClick={() => setConfirming(view.id)}
                  >
                    删除
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="ledger-panel-actions">
        {name === null ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setName(active?.name ?? '');
              setConfirming(null);
            }}
          >
            保存为视图…
          </button>
        ) : (
          <Form className="ledger-view-form" onSubmit={save}>
            <label className="ledger-view-field">
              <span>视图名称</span>
              <input
                // The form opens on request: the name is what the user came to type.
                autoFocus
                value={name}
                maxLength={NAME_MAX}
                placeholder="如：上海 2024 年签约"
                aria-invalid={saving.error ? true : undefined}
                aria-describedby={saving.error ? 'ledger-view-error' : undefined}
                onChange={(e) => {
                  setName(e.target.value);
                  saving.clear();
                }}
              />
            </label>
            {replaces ? (
              <p className="ledger-panel-hint warn">已有同名视图，保存将替换它。</p>
            ) : (
              <p className="ledger-panel-hint">保存当前的筛选、显示的列（含顺序和列宽）和排序。</p>
            )}
            {saving.error ? (
              <p id="ledger-view-error" role="alert" className="ledger-panel-error">
                {saving.error}
              </p>
            ) : null}
            <div className="ledger-view-buttons">
              <button type="submit" className="primary-button small" disabled={saving.busy}>
                保存
              </button>
              <button
                type="button"
                className="secondary-button small"
                onClick={() => {
                  setName(null);
                  saving.clear();
                }}
              >
                取消
              </button>
            </div>
          </Form>
        )}
      </div>
    </LedgerPopover>
  );
}
