// Deleting a record from a screen, and undoing it: which kinds of record, what goes with each
// (docs/domain.md 「Deleting and undoing」), and how the consequences read in Chinese. Without zod:
// the window's undo bar, in the start-up bundle, reads it.

export const deletableKinds = [
  'project',
  'investor',
  'contact',
  'activity',
  'task',
  'arrival',
  'keyInvestment',
  'claim',
] as const;
export type DeletableKind = (typeof deletableKinds)[number];

export const kindLabels: Record<DeletableKind, string> = {
  project: '项目',
  investor: '投资方',
  contact: '联系人',
  activity: '活动记录',
  task: '跟进事项',
  arrival: '到资记录',
  keyInvestment: '年度重点项目投资',
  claim: '首报首谈记录',
};

/** One record named by its kind: what `record.deletion` and `record.restore` take. */
export interface RecordRef {
  kind: DeletableKind;
  id: string;
}

/** How many rows of one kind go with (or come back with) a record. */
export interface KindCount {
  kind: DeletableKind;
  count: number;
}

/** What deleting a record would do, asked before the user confirms. */
export interface DeletionPreview {
  kind: DeletableKind;
  id: string;
  /** The record's name as a screen shows it: a project's or investor's name, a task's title … */
  name: string;
  /** The records deleted with it (kinds with none left out). */
  goesWith: KindCount[];
  /** Why it cannot be deleted (the delete would be refused with this message), or null. */
  refusal: string | null;
}

/** What a delete did; `record.restore` with the same kind and id undoes all of it. */
export interface DeletionResult {
  id: string;
  kind: DeletableKind;
  name: string;
  goesWith: KindCount[];
}

/** What an undo brought back: the record and the rows its delete took with it. */
export type RestoreResult = DeletionResult;

const units: Record<DeletableKind, string> = {
  project: '个',
  investor: '个',
  contact: '位',
  activity: '条',
  task: '条',
  arrival: '笔',
  keyInvestment: '条',
  claim: '条',
};

/** 「3 条活动记录、1 笔到资记录」, or '' when nothing goes with it. */
export function countsText(counts: readonly KindCount[]): string {
  return counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} ${units[c.kind]}${kindLabels[c.kind]}`)
    .join('、');
}

/** 「项目「某某」及其 3 条活动记录」: what a delete took, for the undo bar. */
export function deletedText(result: Pick<DeletionResult, 'kind' | 'name' | 'goesWith'>): string {
  const withIt = countsText(result.goesWith);
  return `${kindLabels[result.kind]}「${result.name}」${withIt ? `及其 ${withIt}` : ''}`;
}
