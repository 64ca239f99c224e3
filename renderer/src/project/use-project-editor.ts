// The project page's editing state: loads the project (or starts a draft with the user's 驻点 and
// name as 招商责任人), keeps the draft and its errors, moves the stage with the milestone dates,
// and saves — project.create for a new project, project.update with only the changed fields for an
// existing one — after the same validation the backend runs.
import { useEffect, useState } from 'react';
import { isRealIsoDate } from '../../../domain/dates';
import { milestones } from '../../../domain/lifecycle';
import type {
  ProjectCreateInput,
  ProjectPatch,
  ProjectRecord,
} from '../../../domain/project-input';
import { call, errorText } from '../api/client';
import type { DraftKey, ProjectDraft } from './project-draft';
import { draftFromRecord, emptyDraft, normalizeDate, sameDraft } from './project-draft';
import type { FieldErrors } from './project-validation';
import { checkCreate, checkPatch, stageForDates } from './project-validation';

const actualKeys = new Set<DraftKey>(milestones.map((m) => m.actualKey));

export type LoadState =
  { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

export type SaveResult =
  | { outcome: 'saved'; record: ProjectRecord; created: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'unchanged' | 'failed' | 'busy' };

export interface ProjectEditor {
  load: LoadState;
  /** The saved project; null until a new one is first saved. */
  record: ProjectRecord | null;
  draft: ProjectDraft;
  errors: FieldErrors;
  dirty: boolean;
  saving: boolean;
  /** The backend's message when the last save failed. */
  saveError: string | null;
  /** 已保存 / 没有需要保存的修改, after the last save. */
  notice: string | null;
  set: <K extends DraftKey>(key: K, value: ProjectDraft[K]) => void;
  save: () => Promise<SaveResult>;
  /** Throws the edits away. */
  revert: () => void;
  /** Puts back edits kept from an earlier visit (an unsaved draft). */
  restore: (draft: ProjectDraft) => void;
}

export function useProjectEditor(projectId: string | null): ProjectEditor {
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [record, setRecord] = useState<ProjectRecord | null>(null);
  const [baseline, setBaseline] = useState<ProjectDraft>(emptyDraft);
  const [draft, setDraft] = useState<ProjectDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const start = (d: ProjectDraft, r: ProjectRecord | null) => {
      if (!live) return;
      setRecord(r);
      setBaseline(d);
      setDraft(d);
      setLoad({ state: 'ready' });
    };
    const failed = (e: unknown) => live && setLoad({ state: 'error', message: errorText(e) });
    if (projectId) {
      call('project.get', { id: projectId }).then((r) => start(draftFromRecord(r), r), failed);
    } else {
      // A new project is the user's own until they say otherwise: their 驻点 and name.
      call('app.status').then(
        ({ office, user }) =>
          start({ ...emptyDraft, office: office ?? '', owner: user ?? '' }, null),
        failed,
      );
    }
    return () => {
      live = false;
    };
  }, [projectId]);

  const set = <K extends DraftKey>(key: K, value: ProjectDraft[K]) => {
    setDraft((d) => {
      const next = { ...d, [key]: value };
      // A name typed is no longer the investor chosen by id (the 撞单 warning sets both).
      if (key === 'investor') next.investorId = '';
      if (actualKeys.has(key) && typeof value === 'string') {
        // A complete date (or none) moves the stage; a half-typed one leaves it alone.
        const text = value.trim();
        if (text === '' || isRealIsoDate(normalizeDate(text))) {
          next.stage = stageForDates(d.stage, next);
        }
      }
      return next;
    });
    setErrors((e) => {
      if (!e[key] && !(actualKeys.has(key) && e.stage)) return e;
      const rest = { ...e };
      delete rest[key];
      if (actualKeys.has(key)) delete rest.stage;
      return rest;
    });
    setNotice(null);
  };

  const save = async (): Promise<SaveResult> => {
    if (saving) return { outcome: 'busy' };
    setSaveError(null);
    // Validated here with the backend's own schema; the call sends only what passed.
    let send: () => Promise<ProjectRecord>;
    const checked = record ? checkPatch(record, baseline, draft) : checkCreate(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice(null);
      return { outcome: 'invalid' };
    }
    setErrors({});
    if (record) {
      const patch = checked.input as ProjectPatch;
      if (Object.keys(patch).length === 0) {
        setNotice('没有需要保存的修改');
        return { outcome: 'unchanged' };
      }
      send = () => call('project.update', { id: record.id, patch });
    } else {
      const input = checked.input as ProjectCreateInput;
      send = () => call('project.create', input);
    }
    setSaving(true);
    try {
      const saved = await send();
      const d = draftFromRecord(saved);
      setRecord(saved);
      setBaseline(d);
      setDraft(d);
      setNotice('已保存');
      return { outcome: 'saved', record: saved, created: !record };
    } catch (e) {
      setSaveError(errorText(e));
      return { outcome: 'failed' };
    } finally {
      setSaving(false);
    }
  };

  const revert = () => {
    setDraft(baseline);
    setErrors({});
    setSaveError(null);
  };

  const restore = (kept: ProjectDraft) => {
    setDraft(kept);
    setErrors({});
    setNotice(null);
  };

  return {
    load,
    record,
    draft,
    errors,
    dirty: !sameDraft(draft, baseline),
    saving,
    saveError,
    notice,
    set,
    save,
    revert,
    restore,
  };
}
