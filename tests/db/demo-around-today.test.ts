// Demo data that shows the app alive (issue 16, point 7), on a real database file: loaded around
// the laptop's date with the user among their office's promoters and this year's targets, marked
// as demo in app.status, refused by a real zone, and cleared in one step to an empty database for
// the same user and office, after a backup that still holds every demo project.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { AppStatus } from '../../domain/contract';
import type { Dashboard } from '../../domain/dashboard';
import type { TaskRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import { expectOk, openTempDb } from '../helpers';

const TODAY = '2026-12-04';
let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb({ wallMs: () => Date.parse(`${TODAY}T09:00:00`) });
});
afterEach(() => app.close());

const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;

test('demo data is dated around today, with follow-ups of the user, and marked as demo', () => {
  expect(ok<AppStatus>('app.status').demo).toBe(false);
  ok('app.demo', { projects: 300, seed: 1 });
  expect(ok<AppStatus>('app.status')).toMatchObject({ demo: true, user: '张三', office: '上海' });

  const thisYear = ok<LedgerPage>('ledger.query', { signingYear: 2026, limit: 1 });
  expect(thisYear.totals.count).toBeGreaterThan(10);
  const board = ok<Dashboard>('dashboard.get', { year: 2026 });
  const fdi = board.metrics.find((m) => m.key === 'contracted_fdi')!;
  expect(fdi.guarantee).not.toBeNull(); // this year's targets, after the 2021 plan
  expect(fdi.actual).toBeGreaterThan(0);
  // 2026 has no published rate in the seed; the demo carries 2025's forward (a real zone types its
  // own), so its 看板 converts every amount and opens on figures, not on an error.
  expect(board.missingRates).toEqual([]);
  expect(board.usdCnyRate).toBe(7.18);
  // Scaled to the demo's own pace: near the 序时进度, not a thousand points ahead or behind (a
  // count of a few projects cannot be near it: one more is many points).
  for (const m of board.metrics.filter((m) => m.scheduleGap !== null && m.guarantee! >= 10)) {
    expect(Math.abs(m.scheduleGap!), m.key).toBeLessThan(25);
  }

  const mine = ok<(TaskRecord & { projectName: string | null })[]>('task.list', {
    mine: true,
    done: false,
  });
  const due = mine.map((t) => t.dueOn);
  expect(due.filter((d) => d < TODAY).length).toBeGreaterThan(0);
  expect(due.filter((d) => d >= TODAY).length).toBeGreaterThan(0);
  expect(due.every((d) => d >= '2026-06-01')).toBe(true);
});

test('files made from demo data say so: the 台账 export and the 月报', async () => {
  ok('app.demo', { projects: 50, seed: 3 });
  const ledger = expectOk(await dispatch(app, 'ledger.export', {})) as { name: string };
  expect(ledger.name).toMatch(/^演示数据-招商项目台账-/);
  const report = expectOk(await dispatch(app, 'report.monthly', { year: 2026, month: 11 })) as {
    name: string;
    dataBase64: string;
  };
  expect(report.name).toBe('演示数据-招商月报-2026年11月.xlsx');
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(report.dataBase64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const title = String(workbook.getWorksheet('目标完成情况')!.getCell('A1').value);
  expect(title.startsWith('【演示数据】')).toBe(true);
});

test('清除演示数据: an empty database for the same user and office, after a backup', async () => {
  ok('app.demo', { projects: 120, seed: 2 });
  const cleared = expectOk(await dispatch(app, 'app.clearDemo', undefined)) as AppStatus & {
    backup: string;
  };
  expect(cleared).toMatchObject({ initialized: true, demo: false, user: '张三', office: '上海' });
  expect(ok<LedgerPage>('ledger.query', {}).totals.count).toBe(0);
  expect(app.sqlite.prepare('SELECT name FROM promoter').pluck().all()).toEqual(['张三']);
  // The laptop works alone again, so it may create or join a real zone.
  expect(app.meta('zone_kind')).toBe('solo');
  // The backup holds the demo as it was.
  expect(existsSync(cleared.backup)).toBe(true);
  const backup = new Database(cleared.backup, { readonly: true });
  expect(backup.prepare('SELECT count(*) FROM project').pluck().get()).toBe(120);
  backup.close();
  // New work goes into the empty database as usual.
  const p = ok<{ code: string }>('project.create', { name: '第一个真实项目' });
  expect(p.code).toMatch(/^SH2026-/);
  // Nothing more to clear.
  const again = await dispatch(app, 'app.clearDemo', undefined);
  expect(again).toMatchObject({ ok: false, code: 'NOT_DEMO' });
});
