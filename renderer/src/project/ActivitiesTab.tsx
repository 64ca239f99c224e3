// 活动记录: a short form to log a visit, reception, call … (kind, date, people, what was said) and
// the project's timeline, newest first.
import { useState } from 'react';
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { ActivityRecord } from '../../../domain/entities';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds, labelOf } from '../../../domain/vocabulary';
import { call, errorText } from '../api/client';
import { normalizeDate } from './project-draft';
import { TabField, invalidProps } from './TabField';
import { TabStatus } from './TabStatus';
import { useRecords } from './use-records';
import { errorsByField } from './zod-errors';

const newestFirst = (a: ActivityRecord, b: ActivityRecord) =>
  b.occurredOn.localeCompare(a.occurredOn);

export function ActivitiesTab({ projectId }: { projectId: string }) {
  const list = useRecords(
    () => call('activity.list', { projectId }).then((items) => items.sort(newestFirst)),
    projectId,
  );
  const [kind, setKind] = useState<ActivityKind>('visit');
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [people, setPeople] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const parsed = activityCreate.safeParse({
      projectId,
      kind,
      occurredOn: normalizeDate(occurredOn),
      people: people.trim() || null,
      notes: notes.trim() || null,
    });
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      return;
    }
    setErrors({});
    setSaveError(null);
    setBusy(true);
    try {
      await call('activity.create', parsed.data);
      setPeople('');
      setNotes('');
      list.reload();
    } catch (e) {
      setSaveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tab-body">
      <form
        className="tab-form"
        aria-label="新增活动记录"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TabField id="activity-kind" label="活动类型">
          <select
            id="activity-kind"
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as ActivityKind)}
          >
            {activityKinds.map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        </TabField>
        <TabField id="activity-date" label="活动日期" error={errors.occurredOn}>
          <input
            id="activity-date"
            className="input date-input"
            placeholder="YYYY-MM-DD"
            maxLength={12}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
            {...invalidProps('activity-date', errors.occurredOn)}
          />
        </TabField>
        <TabField id="activity-people" label="参与人员" error={errors.people}>
          <input
            id="activity-people"
            className="input"
            maxLength={500}
            placeholder="如 张总（董事长）、李明"
            value={people}
            onChange={(e) => setPeople(e.target.value)}
            {...invalidProps('activity-people', errors.people)}
          />
        </TabField>
        <TabField id="activity-notes" label="活动内容" error={errors.notes} grow>
          <input
            id="activity-notes"
            className="input"
            maxLength={5000}
            placeholder="谈了什么，对方的意向和顾虑"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            {...invalidProps('activity-notes', errors.notes)}
          />
        </TabField>
        <button type="submit" className="primary-button" disabled={busy}>
          添加活动
        </button>
      </form>
      {saveError ? (
        <p role="alert" className="error-text">
          {saveError}
        </p>
      ) : null}
      <TabStatus
        list={list}
        empty="还没有活动记录。每次拜访、来访、考察或通话之后，在上面记下日期、参与人员和谈了什么。"
      />
      {list.items?.length ? (
        <ol className="timeline" aria-label="活动时间线">
          {list.items.map((a) => (
            <li key={a.id} className="timeline-item">
              <div className="timeline-when">
                <span className="timeline-date">{formatDateZh(a.occurredOn)}</span>
                <span className="badge">{labelOf(activityKinds, a.kind)}</span>
              </div>
              <div className="timeline-what">
                {a.people ? <p className="timeline-people">参与人员：{a.people}</p> : null}
                {a.notes ? <p className="timeline-notes">{a.notes}</p> : null}
                {a.author ? <p className="timeline-author">记录人：{a.author}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
