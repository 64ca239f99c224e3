// 数据质量 on a hand-made data set through the dispatcher on a real SQLite file: each kind of gap is
// listed once for the record it concerns (with the page and field that fix it), and leaves the
// list once fixed through the ordinary API; a missing planned 竣工 date names the 五未 fallback.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { DataQualityItem } from '../../domain/data-quality';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import type { Settings } from '../../domain/settings';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const list = () =>
  (expectOk(dispatchSync(app, 'data.quality', undefined)) as DataQualityItem[]).map(
    (i) => `${i.kind} ${i.target} ${i.name} ${i.field}`,
  );
const project = (fields: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'project.create', { country: 'DE', ...fields })) as ProjectRecord;
const fix = (id: string, patch: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'project.update', { id, patch }));

test('each kind of gap is listed with its field, and leaves the list once fixed', () => {
  // Clean: a German project; a 嘉兴 investor with its city. Neither is listed.
  project({ name: '完整项目' });
  expectOk(
    dispatchSync(app, 'investor.create', {
      nameZh: '嘉兴甲公司',
      hqCountry: 'CN',
      province: '浙江',
      city: '嘉兴市',
    }),
  );
  // One of each gap.
  const noRegion = project({ name: '无国别项目', country: null });
  const domestic = expectOk(
    dispatchSync(app, 'investor.create', {
      nameZh: '无城市公司',
      hqCountry: 'CN',
      province: '江苏',
    }),
  ) as InvestorRecord;
  const started = project({ name: '开工项目', signedOn: '2021-01-05', startedOn: '2021-03-01' });
  const referral = project({ name: '引荐项目', channel: '以商引商', referrer: '王总' });
  const agent = project({ name: '委托项目', channel: '委托招商', agent: '德商会' });
  const fair = project({ name: '展会项目', channel: '展会', fairEdition: '2021进博会' });
  // Gaps in the channel fields come from before the rule (an older version, a sync): the API
  // refuses to make them now, so they are written as such a change would be.
  app.transact((tx) => {
    tx.mutate.update('project', referral.id, { referrer: null });
    tx.mutate.update('project', agent.id, { agent: ' ' });
    tx.mutate.update('project', fair.id, { fair_edition: null });
  });
  expect(list()).toEqual([
    'no_region project 无国别项目 country',
    'no_city investor 无城市公司 city',
    'no_planned_completion project 开工项目 plannedCompletedOn',
    'referral_no_referrer project 引荐项目 referrer',
    'agent_no_agent project 委托项目 agent',
    'fair_no_edition project 展会项目 fairEdition',
  ]);

  fix(noRegion.id, { country: 'JP' });
  expectOk(dispatchSync(app, 'investor.update', { id: domestic.id, patch: { city: '苏州市' } }));
  fix(started.id, { plannedCompletedOn: '2022-12-31' });
  fix(referral.id, { referrer: '李总' });
  fix(agent.id, { agent: '日本贸易振兴机构' });
  fix(fair.id, { fairEdition: '2021进博会' });
  expect(list()).toEqual([]);
});

test('a started project without a planned 竣工 date is listed with the default deadline used', () => {
  const started = project({ name: '开工项目', signedOn: '2021-01-05', startedOn: '2021-03-01' });
  const label = () =>
    (expectOk(dispatchSync(app, 'data.quality', undefined)) as DataQualityItem[]).find(
      (i) => i.id === started.id,
    )?.label;
  expect(label()).toBe('已开工未填计划竣工日期（“开工未竣工”按默认期限判断：开工后 730 天）');

  // The days 设置 holds; with none, the rule cannot judge such a project, and the entry says so.
  const rules = (expectOk(dispatchSync(app, 'settings.get', undefined)) as Settings).stalledRules;
  const withDays = (days: number | null) =>
    rules.map((r) => (r.key === 'started_not_completed' ? { ...r, days } : r));
  expectOk(dispatchSync(app, 'settings.update', { stalledRules: withDays(540) }));
  expect(label()).toBe('已开工未填计划竣工日期（“开工未竣工”按默认期限判断：开工后 540 天）');
  expectOk(dispatchSync(app, 'settings.update', { stalledRules: withDays(null) }));
  expect(label()).toBe('已开工未填计划竣工日期（“开工未竣工”无法判断是否逾期）');
});
