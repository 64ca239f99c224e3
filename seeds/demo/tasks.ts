// Follow-up tasks: done, overdue, due this week or later, titled for the project's stage.
import { taskTitlesByStage } from './data/project-words';
import type { DemoContext } from './context';
import type { DemoRow, ProjectPlan } from './types';

export function* taskRows(ctx: DemoContext, project: ProjectPlan): Generator<DemoRow> {
  const { rng, asOf, weekEnd, calendar } = ctx;
  const { owner, staff } = project;
  const { stage, entered, terminatedOn } = project.schedule;
  const taskCount =
    stage === 'lead' || stage === 'terminated' ? rng.between(0, 1) : rng.between(0, 3);
  const titles = taskTitlesByStage[stage];
  const firstTask = rng.int(titles.length);
  for (let t = 0; t < taskCount; t++) {
    const roll = stage === 'terminated' ? 0 : rng.float();
    let due: number;
    let doneOn = -1;
    if (roll < 0.35) {
      due = Math.max(entered + 1, asOf - rng.between(1, 120));
      doneOn = Math.min(asOf, Math.max(entered, due + rng.between(-10, 5)));
      if (terminatedOn >= 0) doneOn = Math.min(doneOn, terminatedOn);
    } else if (roll < 0.55) due = Math.max(entered + 1, asOf - rng.between(1, 60));
    else if (roll < 0.75) due = rng.between(asOf, weekEnd);
    else due = asOf + rng.between(7, 60);
    if (terminatedOn >= 0) due = Math.min(due, terminatedOn);
    const assignee = rng.chance(0.8) ? owner : rng.pick(staff);
    yield {
      table: 'task',
      id: ctx.newId(Math.min(due, asOf) - rng.int(15)),
      fields: {
        project_id: project.id,
        title: titles[(firstTask + t) % titles.length] as string,
        due_on: calendar.iso8601(due),
        done: doneOn >= 0 ? 1 : 0,
        done_on: doneOn >= 0 ? calendar.iso8601(doneOn) : null,
        assignee_id: assignee.id,
        notes: rng.chance(0.15) ? '需管委会领导协调' : null,
      },
    };
  }
}
