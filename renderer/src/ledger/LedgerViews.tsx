// 「视图」: saved views of the 台账 (filters, shown columns and sort under a name, kept on this
// laptop). Choosing one applies it; 「保存为视图…」 asks a name (the same name replaces that view);
// each view can be deleted after a confirmation. The button names the view on screen, if any.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SavedView } from '../../../domain/workspace';
import { call, errorText } from '../api/client';
import { LedgerPopover } from './LedgerPopover';
import type { LedgerViewState } from './ledger-views';
import { currentView, definitionOf, stateOfDefinition } from './ledger-views';

const NAME_MAX = 50;

interface Props {
  state: LedgerViewState;
  onApply: (state: LedgerViewState) => void;
}

export function LedgerViews({ state, onApply }: Props) {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  /** The name being typed, or null while the save form is closed. */
  const [name, setName] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    () =>
      call('view.list').then(
        (list) => {
          setViews(list);
          setListError(null);
        },
        (e: unknown) => setListError(errorText(e)),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const active = useMemo(() => (views ? currentView(views, state) : undefined), [views, state]);

  const onOpenChange = useCallback(
    (next: boolean) => {
      setOpen(next);
      setName(null);
      setSaveError(null);
      setConfirming(null);
      if (next) void reload();
    },
    [reload],
  );

  const apply = (view: SavedView) => {
    onApply(stateOfDefinition(view.definition));
    setOpen(false);
  };

  const trimmed = name?.trim() ?? '';
  const replaces = views?.find((v) => v.name === trimmed);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed) {
      setSaveError('请填写视图名称');
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      await call('view.save', { name: trimmed, definition: definitionOf(state) });
      await reload();
      setName(null);
      setOpen(false);
    } catch (error) {
      setSaveError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (view: SavedView) => {
    setBusy(true);
    try {
      await call('view.delete', { id: view.id });
      setConfirming(null);
      await reload();
    } catch (error) {
      setListError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

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
      {listError ? (
        <p role="alert" className="ledger-panel-error">
          {listError}
        </p>
      ) : null}
      {views === null ? (
        listError ? null : (
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
                    disabled={busy}
                    onClick={() => void remove(view)}
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
          <form className="ledger-view-form" onSubmit={(e) => void save(e)} noValidate>
            <label className="ledger-view-field">
              <span>视图名称</span>
              <input
                // The form opens on request: the name is what the user came to type.
                autoFocus
                value={name}
                maxLength={NAME_MAX}
                placeholder="如：上海 2024 年签约"
                aria-invalid={saveError ? true : undefined}
                aria-describedby={saveError ? 'ledger-view-error' : undefined}
                onChange={(e) => {
                  setName(e.target.value);
                  setSaveError(null);
                }}
              />
            </label>
            {replaces ? (
              <p className="ledger-panel-hint warn">已有同名视图，保存将替换它。</p>
            ) : (
              <p className="ledger-panel-hint">保存当前的筛选、显示的列和排序。</p>
            )}
            {saveError ? (
              <p id="ledger-view-error" role="alert" className="ledger-panel-error">
                {saveError}
              </p>
            ) : null}
            <div className="ledger-view-buttons">
              <button type="submit" className="primary-button small" disabled={busy}>
                保存
              </button>
              <button
                type="button"
                className="secondary-button small"
                onClick={() => {
                  setName(null);
                  setSaveError(null);
                }}
              >
                取消
              </button>
            </div>
          </form>
        )}
      </div>
    </LedgerPopover>
  );
}
