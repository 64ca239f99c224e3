// 活动记录: a short form to log a visit, reception, call … (kind, date, people, what was said) and
// the project's timeline, newest first.
import { useState } from 'react';
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { ActivityRecord } from '../../../domain/entities';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds, labelOf } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { Field } from '../ui/Field';
import { fieldErrors } from '../ui/field-errors';
import type { FieldErrors } from '../ui/field-errors';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { normalizeDate } from './project-draft';
import { TabBody, TabDateField, TabTextField } from './TabForm';
import { Select, choicesOf } from '../ui/Select';

const kindChoices = choicesOf(activityKinds);

const newestFirst = (a: ActivityRecord, b: ActivityRecord) =>
  b.occurredOn.localeCompare(a.occurredOn);

export function ActivitiesTab({ projectId }: { projectId: string }) {
  const list = useLoad(
    () => call('activity.list', { projectId }).then((items) => items.sort(newestFirst)),
    [projectId],
  );
  const [kind, setKind] = useState<ActivityKind>('visit');
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [people, setPeople] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const add = () => {
    const parsed = activityCreate.safeParse({
      projectId,
      kind,
      occurredOn: normalizeDate(occurredOn),
      people: people.trim() || null,
      notes: notes.trim() || null,
    });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return;
    void submit.run(async () => {
      await call('activity.create', parsed.data);
      setPeople('');
      setNotes('');
      list.reload();
    });
  };

  return (
    <TabBody
      label="新增活动记录"
      submitLabel="添加活动"
      submit={submit}
      onSubmit={add}
      list={list}
      empty="还没有活动记录。每次拜访、来访、考察或通话之后，在上面记下日期、参与人员和谈了什么。"
      fields={
        <>
          <Field id="activity-kind" label="活动类型" className="tab-field">
            {(control) => (
              <Select
                {...control}
                className="input"
                choices={kindChoices}
                value={kind}
                onChange={setKind}
              />
            )}
          </Field>
          <TabDateField
            id="activity-date"
            label="活动日期"
            error={errors.occurredOn}
            value={occurredOn}
            onChange={setOccurredOn}
          />
          <TabTextField
            id="activity-people"
            label="参与人员"
            error={errors.people}
            maxLength={500}
            placeholder="如 张总（董事长）、李明"
            value={people}
            onChange={setPeople}
          />
          <TabTextField
            id="activity-notes"
            label="活动内容"
            error={errors.notes}
            maxLength={5000}
            placeholder="谈了什么，对方的意向和顾虑"
            value={notes}
            onChange={setNotes}
            grow
          />
        </>
      }
    >
      {(items) => (
        <ol className="timeline" aria-label="活动时间线">
          {items.map((a) => (
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
      )}
    </TabBody>
  );
}
