// The 撞单 warning where an investor is named (issue 18, point 2), on a real database file through
// the dispatcher: investor.similar says which offices and promoters hold each resembling investor
// (its 首报首谈 holder claim, then its live projects, a few at most), and the project and fair-capture paths accept the
// existing investor's id instead of creating a second investor.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { MAX_HOLDERS } from '../../db/services/investor-holders';
import type { CaptureRecord } from '../../domain/captures';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import type { SimilarInvestor } from '../../domain/search';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
let siemens: InvestorRecord;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;
const investorCount = () =>
  (
    app.sqlite.prepare('SELECT count(*) AS n FROM investor WHERE deleted = 0').get() as {
      n: number;
    }
  ).n;

beforeEach(async () => {
  app = await openTempDb();
  siemens = ok<InvestorRecord>('investor.create', {
    nameZh: '西门子股份公司',
    nameEn: 'Siemens AG',
  });
});
afterEach(() => app.close());

const project = (name: string, office: string, owner: string) =>
  ok<ProjectRecord>('project.create', { name, investor: '西门子股份公司', office, owner });

test('names the offices and promoters of the resembling investor’s projects, most first', () => {
  project('西门子智能电网项目', '上海', '王芳');
  project('西门子医疗影像项目', '上海', '王芳');
  project('西门子能源项目', '北京', '李雷');
  const gone = project('西门子已删项目', '深圳', '赵敏');
  ok('project.delete', { id: gone.id });

  const [match, ...rest] = ok<SimilarInvestor[]>('investor.similar', {
    name: '西门子（中国）有限公司',
  });
  expect(rest).toEqual([]);
  expect(match).toMatchObject({ id: siemens.id, nameZh: '西门子股份公司', projectCount: 3 });
  expect(match!.holders).toEqual([
    { source: 'project', office: '上海', promoter: '王芳', projects: 2 },
    { source: 'project', office: '北京', promoter: '李雷', projects: 1 },
  ]);
});

test('an investor without projects has no holders; the list of holders is bounded', () => {
  expect(ok<SimilarInvestor[]>('investor.similar', { name: '西门子' })[0]!.holders).toEqual([]);
  for (let i = 0; i < MAX_HOLDERS + 3; i++) project(`西门子项目${i}`, '上海', `招商员${i}`);
  const [match] = ok<SimilarInvestor[]>('investor.similar', { name: '西门子' });
  expect(match!.projectCount).toBe(MAX_HOLDERS + 3);
  expect(match!.holders).toHaveLength(MAX_HOLDERS);
});

test('a project given the existing investor’s id is saved under it, with no second investor', () => {
  const before = investorCount();
  const saved = ok<ProjectRecord>('project.create', {
    name: '西门子北京研发中心',
    investorId: siemens.id,
    office: '北京',
    owner: '李雷',
  });
  expect(saved.investorId).toBe(siemens.id);
  expect(saved.investor).toBe('西门子股份公司');
  expect(investorCount()).toBe(before);
  // A typed name alone still finds or creates by name, as before.
  const typed = ok<ProjectRecord>('project.create', {
    name: '西门子华南项目',
    investor: '西门子（中国）有限公司',
  });
  expect(typed.investorId).not.toBe(siemens.id);
  expect(investorCount()).toBe(before + 1);
});

test('a fair capture turned into a project uses the chosen existing investor', () => {
  const before = investorCount();
  const capture = ok<CaptureRecord>('capture.create', {
    investorName: '西门子（中国）有限公司',
    contactName: '张经理',
  });
  const saved = ok<ProjectRecord>('capture.convert', {
    id: capture.id,
    projectName: '西门子展会项目',
    investorId: siemens.id,
  });
  expect(saved.investorId).toBe(siemens.id);
  expect(investorCount()).toBe(before);
  const contact = app.sqlite
    .prepare('SELECT investor_id FROM contact WHERE project_id = ?')
    .get(saved.id) as { investor_id: string };
  expect(contact.investor_id).toBe(siemens.id);

  const other = ok<CaptureRecord>('capture.create', { investorName: '博世' });
  expect(dispatchSync(app, 'capture.convert', { id: other.id, investorId: 'nope' })).toMatchObject({
    ok: false,
  });
  expect(investorCount()).toBe(before);
});

test('the 首报首谈 holder comes first, with its date and whether 本部 decided it', () => {
  for (let i = 0; i < MAX_HOLDERS + 1; i++) project(`西门子项目${i}`, '上海', `招商员${i}`);
  project('西门子能源项目', '北京', '李雷');
  const li = app.sqlite.prepare("SELECT id FROM promoter WHERE name = '李雷'").pluck().get();
  const first = ok<{ id: string }>('claim.add', {
    investorId: siemens.id,
    officeId: 'beijing',
    promoterId: li,
    claimedOn: '2021-03-01',
    reported: '投资意向：扩建',
  });
  ok('claim.add', { investorId: siemens.id, officeId: 'shenzhen', reported: '后来者' });
  const holders = () => ok<SimilarInvestor[]>('investor.similar', { name: '西门子' })[0]!.holders;
  expect(holders()[0]).toEqual({
    source: 'claim',
    office: '北京',
    promoter: '李雷',
    projects: 0,
    claimedOn: '2021-03-01',
    decided: false,
  });
  expect(holders()).toHaveLength(MAX_HOLDERS);
  expect(
    holders()
      .slice(1)
      .every((h) => h.source === 'project'),
  ).toBe(true);
  ok('claim.decide', { claimId: first.id, note: '北京先接洽' });
  expect(holders()[0]).toMatchObject({ source: 'claim', office: '北京', decided: true });
});
