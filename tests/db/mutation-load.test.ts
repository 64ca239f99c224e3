// Mutations.load does a bulk load's per-row reads once (projects' lookups remembered, arrivals'
// 市外 at the end): the rows, their derived columns and the change log must be exactly those of
// row-by-row writes, also when the load updates rows it wrote and renames what projects show.
import { afterEach, describe, expect, test } from 'vitest';
import type { AppDatabase, Tx } from '../../db/app-database';
import { syncedTableNames } from '../../db/synced-tables';
import { openTempDb } from '../helpers';

const WALL_MS = Date.UTC(2026, 5, 15, 8);
const id = (n: number) => `0190abcd-0000-7000-8000-${String(n).padStart(12, '0')}`;
const PROJECTS = 150;

/** New rows of several kinds, with updates and a delete in between. */
function writeAll(tx: Tx): void {
  const m = tx.mutate;
  m.insert('investor', { name_zh: '西门子股份公司', hq_country: 'DE', city: '苏州' }, id(1));
  m.insert('investor', { name_zh: '西门子中国', parent_investor_id: id(1) }, id(2));
  for (let p = 0; p < PROJECTS; p++) {
    const investor = id(1 + (p % 2));
    m.insert(
      'project',
      { name: `项目${p}`, investor_id: investor, total_investment: 1000 + p, stage: 'talking' },
      id(100 + p),
    );
    m.insert('contact', { project_id: id(100 + p), name: `联系人${p}` }, id(1000 + p));
    m.insert(
      'capital_arrival',
      { project_id: id(100 + p), arrived_on: '2026-03-01', amount: 10 + p, currency: 'CNY' },
      id(2000 + p),
    );
  }
  // The rename and move refresh the investor's projects; the project's update reads its change.
  m.update('investor', id(2), { name_zh: '西门子（中国）有限公司', city: '上海' });
  m.update('project', id(100 + PROJECTS - 1), { stage: 'signed', signed_on: '2026-04-01' });
  m.remove('contact', id(1000 + PROJECTS - 1));
  m.insert('project', { name: '最后的项目', investor_id: id(2) }, id(99));
}

/** Every synced table and the change log, with the laptop's and the user's own ids masked. */
function dump(app: AppDatabase): string {
  const site = app.meta('site_id')!;
  const user = app.sqlite.prepare("SELECT id FROM promoter WHERE name = '张三'").pluck().get();
  const lines: string[] = [];
  for (const table of [...syncedTableNames, 'sync_change']) {
    const order = table === 'sync_change' ? 'origin, seq' : 'id';
    for (const row of app.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()) {
      const text = JSON.stringify(row).split(site).join('SITE');
      lines.push(`${table} ${text.split(user as string).join('USER')}`);
    }
  }
  return lines.join('\n');
}

const apps: AppDatabase[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.close()));

async function written(load: boolean): Promise<string> {
  const app = await openTempDb({ wallMs: () => WALL_MS });
  apps.push(app);
  app.transact((tx) => (load ? tx.mutate.load(() => writeAll(tx)) : writeAll(tx)));
  return dump(app);
}

describe('a load of new rows', () => {
  test('writes the rows, derived columns and changes of row-by-row writes', async () => {
    const rowByRow = await written(false);
    expect(rowByRow).toContain('西门子（中国）有限公司');
    expect(await written(true)).toBe(rowByRow);
  });
});
