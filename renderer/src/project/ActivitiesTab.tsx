// 活动记录: a short form to log a visit, reception, call … (kind, date, people, what was said) and
// the project's timeline, newest first; 删除 takes an entry away at once, with 撤销 offered.
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { ActivityRecord } from '../../../domain/entities';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds, labelOf } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { activityKindChoices, notesInput, peopleInput } from '../shared/activity-fields';
import { useDeleteRow } from '../shared/use-delete-row';
import { ErrorText } from '../ui/Alert';
import { SelectField, TextField } from '../ui/fields';
import { normalizeDate } from './project-draft';
import { TabDateField, TabForm, TabList, useTabEntry } from './TabForm';
import { DeleteRowButton } from '../shared/DeleteRowButton';

const newestFirst = (a: ActivityRecord, b: ActivityRecord) =>
  b.occurredOn.localeCompare(a.occurredOn);

export function ActivitiesTab({ projectId }: { projectId: string }) {
  const { list, form, formProps } = useTabEntry('activity', projectId, {
    label: '新增活动记录',
    load: () => call('activity.list', { projectId }).then((items) => items.sort(newestFirst)),
    initial: () => ({
      kind: 'visit' as ActivityKind,
      occurredOn: todayIso(),
      people: '',
      notes: '',
    }),
    checked: ({ values, check }) =>
      check(activityCreate, {
        ...values,
        projectId,
        occurredOn: normalizeDate(values.occurredOn),
        people: values.people.trim() || null,
        notes: values.notes.trim() || null,
      }),
    add: (data) => call('activity.create', data),
    emptied: ['people', 'notes'],
  });
  const removal = useDeleteRow('activity', () => list.reload());

  return (
    <div className="tab-body">
      <TabForm {...formProps} submitLabel="添加活动">
        <SelectField label="活动类型" {...form.bind('kind')} choices={activityKindChoices} />
        <TabDateField label="活动日期" {...form.bind('occurredOn')} />
        <TextField label="参与人员" {...form.bind('people')} {...peopleInput} />
        <TextField label="活动内容" {...form.bind('notes')} {...notesInput} className="grow" />
      </TabForm>
      <TabList
        list={list}
        empty="还没有活动记录。每次拜访、来访、考察或通话之后，在上面记下日期、参与人员和谈了什么。"
      >
        {(items) => (
          <>
            <ErrorText error={removal.error} prefix="删除失败：" />
            <ol className="timeline" aria-label="活动时间线">
              {items.map((a) => (
                <li key={a.id} className="timeline-item">
                  <div className="timeline-when">
                    <span className="timeline-date">{formatDateZh(a.occurredOn)}</span>
                    <span className="tag accent roomy">{labelOf(activityKinds, a.kind)}</span>
                    <DeleteRowButton
                      removal={removal}
                      id={a.id}
                      label={`删除 ${formatDateZh(a.occurredOn)} 的${labelOf(activityKinds, a.kind)}记录`}
                      className="link-button row-delete"
                    />
                  </div>
                  <div className="timeline-what">
                    {a.people ? <p className="timeline-people">参与人员：{a.people}</p> : null}
                    {a.notes ? <p className="timeline-notes">{a.notes}</p> : null}
                    {a.author ? <p className="timeline-author">记录人：{a.author}</p> : null}
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </TabList>
    </div>
  );
}
