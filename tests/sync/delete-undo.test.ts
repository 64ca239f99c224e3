// Deleting from a screen and undoing it (db/services/deletion.ts), on real database files: a project
// takes its follow-ups, activities, arrivals, own contacts and years of 重点项目投资 with it (and
// leaves the 看板's key-project figures); the undo brings back exactly
// those rows with every value, in one set of ordinary changes; both reach another office by sync
// file, and an undo made there comes back too. An investor with projects is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard } from '../../domain/dashboard';
import type { DeletionPreview, DeletionResult } from '../../domain/deletion';
import { deletedText } from '../../domain/deletion';
import type { ProjectRecord } from '../../domain/project-input';
import type { SyncDump } from '../../domain/sync';
import { tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const recordTables = [
  'project',
  'investor',
  'contact',
  'activity',
  'task',
  'capital_arrival',
  'key_investment',
];
const records = (d: SyncDump): SyncDump =>
  Object.fromEntries(recordTables.map((t) => [t, d[t] ?? []]));
const changeCount = (r: Replica) =>
  r.app.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;
const failure = (r: Replica, method: string, input: unknown) => {
  const result = dispatchSync(r.app, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result;
};
const ids = (r: Replica, method: string, input: unknown) =>
  call<{ id: string }[]>(r, method, input).map((x) => x.id);
/** 2026's 区重点 完成投资 as of 2026-11-30, with the projects behind it. */
const keyInvestment = (r: Replica) => {
  const board = call<Dashboard>(r, 'dashboard.get', {
    year: 2026,
    asOf: '2026-11-30',
    withProjects: true,
  });
  const m = board.metrics.find((x) => x.key === 'key_projects_investment')!;
  return { actual: m.actual, projects: [...(m.projects ?? [])].sort() };
};
const YI = 100_000_000;

let sh: Replica;
let hq: Replica;
const dir = tempDir('zs-delete-undo-');
/** Sends everything new from one laptop to the other, a minute later by both clocks. */
const send = async (from: Replica, to: Replica) => {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  await importInto(to, (await exportTo(from, dir, { for: to.office })).file);
};

beforeAll(async () => {
  sh = await openReplica('上海', { dir: tempDir('zs-delete-undo-sh-') });
  hq = await openReplica('本部', { dir: tempDir('zs-delete-undo-hq-') });
});
afterAll(() => {
  sh.app.close();
  hq.app.close();
});

interface Made {
  project: ProjectRecord;
  other: ProjectRecord;
  tasks: string[];
  earlier: string;
  activities: string[];
  arrival: string;
  ownContact: string;
  investorContact: string;
  years: string[];
}

function makeProject(r: Replica, name: string, investor: string): Made {
  const project = call<ProjectRecord>(r, 'project.create', { name, investor, country: 'DE' });
  const other = call<ProjectRecord>(r, 'project.create', { name: `${name}（另一个）` });
  const task = (title: string, projectId = project.id) =>
    call<{ id: string }>(r, 'task.create', { projectId, title, dueOn: '2026-12-20' }).id;
  const tasks = [task('寄送园区资料'), task('约第二次考察')];
  const earlier = task('已删的事项');
  call(r, 'task.delete', { id: earlier });
  task('另一个项目的事项', other.id);
  const activities = ['2026-11-02', '2026-11-20'].map(
    (occurredOn) =>
      call<{ id: string }>(r, 'activity.create', {
        projectId: project.id,
        investorId: project.investorId,
        kind: 'visit',
        occurredOn,
        people: '王经理',
        notes: `第 ${occurredOn} 次拜访`,
      }).id,
  );
  const arrival = call<{ id: string }>(r, 'arrival.create', {
    projectId: project.id,
    arrivedOn: '2026-10-15',
    amount: 5_000_000,
    currency: 'USD',
    kind: 'fdi',
    outsideCity: false,
    notes: '首笔',
  }).id;
  const ownContact = call<{ id: string }>(r, 'contact.create', {
    projectId: project.id,
    name: '项目联系人',
    phone: '13900001111',
  }).id;
  const investorContact = call<{ id: string }>(r, 'contact.create', {
    projectId: project.id,
    investorId: project.investorId,
    name: '投资方联系人',
  }).id;
  // 区重点 in 2025 and 2026 (1亿 done in 2026's March), and the other project's 2026 (2亿 in May).
  const year = (projectId: string, y: number, done: Record<number, number>) =>
    call<{ id: string }>(r, 'keyInvestment.set', {
      projectId,
      year: y,
      district: true,
      planned: 3 * YI,
      completed: Array.from({ length: 12 }, (_, i) => done[i + 1] ?? null),
    }).id;
  const years = [year(project.id, 2025, { 6: YI }), year(project.id, 2026, { 3: YI })];
  year(other.id, 2026, { 5: 2 * YI });
  return {
    project,
    other,
    tasks,
    earlier,
    activities,
    arrival,
    ownContact,
    investorContact,
    years,
  };
}

describe('deleting a project and undoing it', () => {
  let made: Made;
  let before: SyncDump;

  test('the preview states what goes with it; the delete takes exactly that', async () => {
    made = makeProject(sh, '蔡司光学二期', '蔡司');
    await send(sh, hq);
    before = records(dump(sh));
    const preview = call<DeletionPreview>(sh, 'record.deletion', {
      kind: 'project',
      id: made.project.id,
    });
    expect(preview).toEqual({
      kind: 'project',
      id: made.project.id,
      name: '蔡司光学二期',
      goesWith: [
        { kind: 'task', count: 2 },
        { kind: 'activity', count: 2 },
        { kind: 'arrival', count: 1 },
        { kind: 'contact', count: 1 },
        { kind: 'keyInvestment', count: 2 },
      ],
      refusal: null,
    });
    expect(keyInvestment(sh)).toEqual({
      actual: 3 * YI,
      projects: [made.other.id, made.project.id].sort(),
    });
    const changes = changeCount(sh);
    const result = call<DeletionResult>(sh, 'project.delete', { id: made.project.id });
    expect(result.goesWith).toEqual(preview.goesWith);
    expect(deletedText(result)).toBe(
      '项目「蔡司光学二期」及其 2 条跟进事项、2 条活动记录、1 笔到资记录、1 位联系人、2 条年度重点项目投资',
    );
    expect(changeCount(sh) - changes).toBe(1 + 2 + 2 + 1 + 1 + 2);

    expect(failure(sh, 'project.get', { id: made.project.id }).code).toBe('NOT_FOUND');
    expect(ids(sh, 'task.list', { projectId: made.project.id })).toEqual([]);
    expect(ids(sh, 'activity.list', { projectId: made.project.id })).toEqual([]);
    expect(ids(sh, 'arrival.list', { projectId: made.project.id })).toEqual([]);
    expect(ids(sh, 'keyInvestment.list', { projectId: made.project.id })).toEqual([]);
    // The 看板 counts only the other project's 2亿.
    expect(keyInvestment(sh)).toEqual({ actual: 2 * YI, projects: [made.other.id] });
    // The investor's contact stays with the investor; the other project keeps its follow-up.
    expect(ids(sh, 'contact.list', { investorId: made.project.investorId! })).toEqual([
      made.investorContact,
    ]);
    expect(ids(sh, 'task.list', { projectId: made.other.id })).toHaveLength(1);
  });

  test('the delete reaches another office by sync file', async () => {
    await send(sh, hq);
    expect(records(dump(hq))).toEqual(records(dump(sh)));
    expect(failure(hq, 'project.get', { id: made.project.id }).code).toBe('NOT_FOUND');
    expect(
      hq.app.sqlite
        .prepare('SELECT deleted FROM key_investment WHERE project_id = ?')
        .pluck()
        .all(made.project.id),
    ).toEqual([1, 1]);
    expect(keyInvestment(hq)).toEqual({ actual: 2 * YI, projects: [made.other.id] });
  });

  test('the undo brings back every row with its values, and only those the delete took', async () => {
    const changes = changeCount(sh);
    const restored = call<DeletionResult>(sh, 'record.restore', {
      kind: 'project',
      id: made.project.id,
    });
    expect(restored.name).toBe('蔡司光学二期');
    expect(changeCount(sh) - changes).toBe(9);
    expect(restored.goesWith).toContainEqual({ kind: 'keyInvestment', count: 2 });
    expect(records(dump(sh))).toEqual(before);
    expect(ids(sh, 'keyInvestment.list', { projectId: made.project.id }).sort()).toEqual(
      [...made.years].sort(),
    );
    expect(keyInvestment(sh).actual).toBe(3 * YI);
    // The follow-up deleted on its own before stays deleted.
    expect(ids(sh, 'task.list', { projectId: made.project.id }).sort()).toEqual(
      [...made.tasks].sort(),
    );
    expect(call<ProjectRecord>(sh, 'project.get', { id: made.project.id }).name).toBe(
      '蔡司光学二期',
    );
    expect(failure(sh, 'record.restore', { kind: 'project', id: made.project.id })).toMatchObject({
      code: 'NOT_DELETED',
    });
  });

  test('the undo reaches the other office as ordinary changes', async () => {
    await send(sh, hq);
    expect(records(dump(hq))).toEqual(before);
    expect(keyInvestment(hq).actual).toBe(3 * YI);
  });

  test('a delete made in 上海 can be undone in 本部, and the undo comes back', async () => {
    call(sh, 'project.delete', { id: made.project.id });
    await send(sh, hq);
    call(hq, 'record.restore', { kind: 'project', id: made.project.id });
    expect(records(dump(hq))).toEqual(before);
    await send(hq, sh);
    expect(records(dump(sh))).toEqual(before);
  });
});

describe('deleting an investor', () => {
  test('with live projects it is refused, naming how many', () => {
    const made = makeProject(sh, '肖特玻璃', '肖特');
    call(sh, 'project.create', { name: '肖特玻璃三期', investor: '肖特' });
    const investorId = made.project.investorId!;
    const preview = call<DeletionPreview>(sh, 'record.deletion', {
      kind: 'investor',
      id: investorId,
    });
    expect(preview.refusal).toBe(
      '投资方名下还有项目，不能删除：名下有 2 个项目，请先把它们改填其他投资方，或删除它们',
    );
    const before = changeCount(sh);
    const refused = failure(sh, 'investor.delete', { id: investorId });
    expect(refused).toMatchObject({ code: 'INVESTOR_HAS_PROJECTS', message: preview.refusal });
    expect(changeCount(sh)).toBe(before);
  });

  test('without projects it takes its contacts and its own activities; the undo brings them back', async () => {
    const made = makeProject(sh, '库卡机器人', '库卡');
    const investorId = made.project.investorId!;
    const own = call<{ id: string }>(sh, 'activity.create', {
      investorId,
      kind: 'call',
      occurredOn: '2026-11-30',
    }).id;
    call(sh, 'project.delete', { id: made.project.id });
    const before = records(dump(sh));

    const preview = call<DeletionPreview>(sh, 'record.deletion', {
      kind: 'investor',
      id: investorId,
    });
    expect(preview).toMatchObject({
      name: '库卡',
      refusal: null,
      goesWith: [
        { kind: 'contact', count: 1 },
        { kind: 'activity', count: 1 },
      ],
    });
    call(sh, 'investor.delete', { id: investorId });
    expect(failure(sh, 'investor.get', { id: investorId }).code).toBe('NOT_FOUND');
    expect(ids(sh, 'activity.list', { investorId })).toEqual([]);

    // Its project cannot come back before it does.
    expect(failure(sh, 'record.restore', { kind: 'project', id: made.project.id })).toMatchObject({
      code: 'OWNER_DELETED',
      message: expect.stringContaining('投资方「库卡」'),
    });
    await send(sh, hq);
    call(hq, 'record.restore', { kind: 'investor', id: investorId });
    expect(records(dump(hq))).toEqual(before);
    expect(ids(hq, 'activity.list', { investorId })).toEqual([own]);
    call(hq, 'record.restore', { kind: 'project', id: made.project.id });
    await send(hq, sh);
    expect(ids(sh, 'activity.list', { projectId: made.project.id })).toHaveLength(2);
    expect(records(dump(sh))).toEqual(records(dump(hq)));
  });
});

describe('deleting single rows', () => {
  test('a follow-up, an activity and a contact each go alone and come back', () => {
    const made = makeProject(sh, '舍弗勒轴承', '舍弗勒');
    for (const [kind, id] of [
      ['task', made.tasks[0]!],
      ['activity', made.activities[0]!],
      ['contact', made.investorContact],
      ['arrival', made.arrival],
    ] as const) {
      const before = records(dump(sh));
      const preview = call<DeletionPreview>(sh, 'record.deletion', { kind, id });
      expect(preview.goesWith).toEqual([]);
      expect(call<DeletionResult>(sh, `${kind}.delete`, { id })).toMatchObject({
        kind,
        id,
        goesWith: [],
      });
      call(sh, 'record.restore', { kind, id });
      expect(records(dump(sh))).toEqual(before);
    }
    expect(
      call<DeletionPreview>(sh, 'record.deletion', { kind: 'task', id: made.tasks[0]! }),
    ).toMatchObject({ name: '寄送园区资料' });
  });

  test('a follow-up of a deleted project cannot come back alone; unknown input is refused', () => {
    const made = makeProject(sh, '采埃孚传动', '采埃孚');
    call(sh, 'project.delete', { id: made.project.id });
    expect(failure(sh, 'record.restore', { kind: 'task', id: made.tasks[0]! })).toMatchObject({
      code: 'OWNER_DELETED',
      message: '它所属的记录已被删除，请先恢复所属的记录：项目「采埃孚传动」',
    });
    // The investor's contact stayed with the investor, and comes and goes with it alone.
    call(sh, 'contact.delete', { id: made.investorContact });
    call(sh, 'record.restore', { kind: 'contact', id: made.investorContact });
    expect(ids(sh, 'contact.list', { investorId: made.project.investorId! })).toEqual([
      made.investorContact,
    ]);
    expect(failure(sh, 'record.restore', { kind: 'task', id: 'nope' }).code).toBe('NOT_FOUND');
    expect(failure(sh, 'record.deletion', { kind: 'target', id: 'x' }).code).toBe('VALIDATION');
  });
});
