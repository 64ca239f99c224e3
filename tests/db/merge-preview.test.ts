// What a merge offers to choose (record.mergePreview) and what the chosen fields do (record.merge
// with `take`), on a real SQLite file: differing fields are choices, the survivor's empty ones are
// filled, ids come with names, and a name taken from the other keeps the replaced one as an alias.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { InvestorRecord } from '../../domain/entities';
import type { MergePreview } from '../../domain/merge';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const call = <T>(method: string, input?: unknown) =>
  expectOk(dispatchSync(app, method, input)) as T;

test('investors: differing fields to choose, empty ones filled; a taken name stays an alias', () => {
  const keep = call<InvestorRecord>('investor.create', {
    nameZh: '西门子股份公司',
    nameEn: 'Siemens AG',
    hqCountry: 'DE',
  });
  const other = call<InvestorRecord>('investor.create', {
    nameZh: '西门子（中国）有限公司',
    nameEn: 'Siemens Ltd., China',
    hqCountry: 'CN',
    city: '北京市',
    notes: '北京驻点录入',
  });
  const preview = call<MergePreview>('record.mergePreview', {
    kind: 'investor',
    keep: keep.id,
    other: other.id,
  });
  expect(preview.choices.map((f) => f.column).sort()).toEqual(['hq_country', 'name_en', 'name_zh']);
  expect(preview.choices.find((f) => f.column === 'hq_country')).toMatchObject({
    keep: 'DE',
    other: 'CN',
  });
  expect(preview.filled.map((f) => f.column).sort()).toEqual(['city', 'notes']);

  call('record.merge', { kind: 'investor', keep: keep.id, other: other.id, take: ['name_en'] });
  const merged = call<InvestorRecord>('investor.get', { id: keep.id });
  expect(merged).toMatchObject({
    nameZh: '西门子股份公司',
    nameEn: 'Siemens Ltd., China',
    hqCountry: 'DE',
    city: '北京市',
  });
  // The replaced English name is still found: it became an alias, as did the other's names.
  expect(merged.aliases).toEqual(expect.arrayContaining(['Siemens AG', '西门子（中国）有限公司']));
  expect(merged.aliases).not.toContain('Siemens Ltd., China');
});

test('projects: an investor column is named; the same record twice is refused', () => {
  const a = call<ProjectRecord>('project.create', { name: '博世汽车电子', investor: '博世集团' });
  const b = call<ProjectRecord>('project.create', {
    name: '博世汽车电子项目',
    investor: '博世（中国）投资有限公司',
  });
  const preview = call<MergePreview>('record.mergePreview', {
    kind: 'project',
    keep: a.id,
    other: b.id,
  });
  expect(preview.choices.find((f) => f.column === 'investor_id')).toMatchObject({
    keepName: '博世集团',
    otherName: '博世（中国）投资有限公司',
  });
  expect(preview.choices.map((f) => f.column)).toContain('name');
  expect(
    dispatchSync(app, 'record.mergePreview', { kind: 'project', keep: a.id, other: a.id }),
  ).toMatchObject({ ok: false, code: 'MERGE_SAME' });
});
