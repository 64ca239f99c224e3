// First run and replica identity: status, initialisation (user, office, dictionaries, settings and
// the 2021 targets), demo data (loaded around today, cleared in one step), and the dictionaries the
// forms offer.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../domain/errors';
import type { AppStatus, Dictionaries } from '../../domain/contract';
import { labelOf, offices } from '../../domain/vocabulary';
import {
  defaultLandingRule,
  defaultStalledRules,
  defaultUsdCnyRates,
  fairEditions,
  industries,
  platforms,
} from '../../seeds/dictionaries';
import { targets2021 } from '../../seeds/targets-2021';
import { generateDemo } from '../../seeds/demo/index';
import { SPELL_AHEAD_MIN_PROJECTS, spellDemoAhead } from './demo-spelling';
import type { DemoOptions } from '../../seeds/demo/index';
import { openAppDatabase } from '../app-database';
import type { AppDatabase, Tx } from '../app-database';
import type { Fields } from '../mutation';
import { SCHEMA_VERSION } from '../migrations/index';
import { USD_RATE_SETTING, readRates } from '../derived';
import { updateSettings } from './settings';
import { targetId } from '../../domain/targets';
import { dropSecondaryIndexes, worthRebuilding } from '../sync/bulk-indexes';
import { createZone, ensureSiteCert, markDemoZone, zoneOf } from '../sync/zone';
import { backupDir, copyDatabase } from './backups';
import { withProgress, withProgressSync } from '../job-progress';
import type { ReportProgress } from '../job-progress';
import { copyTargetYear, listTargets, targetColumns } from './targets';
import { buildDashboard } from './dashboard/index';
import { scheduledMetricKeys } from '../../domain/dashboard';

/** Whether the database holds generated demo data (its zone is a demo zone). */
export const isDemo = (app: AppDatabase) => app.meta('zone_kind') === 'demo';

/** What a file made from demo data is named with first, so it cannot pass for real figures. */
export const demoFilePrefix = (app: AppDatabase) => (isDemo(app) ? '演示数据-' : '');

export function appStatus(app: AppDatabase): AppStatus {
  const office = app.meta('office_id');
  return {
    initialized: app.meta('initialized') === '1',
    demo: isDemo(app),
    user: app.meta('user_name') ?? null,
    office: labelOf(offices, office ?? null),
    siteId: app.siteId,
    schemaVersion: SCHEMA_VERSION,
  };
}

/**
 * Seeds a new replica. Seeded rows have deterministic ids, so two offices that both initialise
 * write the same rows and their changes merge instead of duplicating. A row the laptop already
 * holds (from a snapshot or an invitation's data, deleted or not) is the zone's and is left as it
 * is: a default written over it would win everywhere, being the newest change.
 */
export function initialize(
  app: AppDatabase,
  input: { user: string; office: string; zoneName?: string },
): AppStatus {
  if (app.meta('initialized') === '1') throw new AppError('ALREADY_INITIALIZED');
  const office = offices.find((o) => o.label === input.office || o.key === input.office);
  app.transact(
    (tx) => {
      app.setMeta('user_name', input.user);
      app.setMeta('office_id', office?.key ?? input.office);
      offices.forEach((o, i) => seed(tx, 'office', o.key, { name: o.label, sort: i }));
      // 本部's data comes from 本部 to an office laptop of a zone (with its invitation or files).
      if (app.meta('zone_role') !== 'office') seedZoneData(tx);
      tx.mutate.insert('promoter', { name: input.user, office_id: office?.key ?? null, active: 1 });
      app.setMeta('initialized', '1');
      const at = new Date(app.now()).toISOString();
      const officeName = office?.label ?? input.office;
      // 本部's first laptop creates the zone when it names it; a laptop that joined one keeps it;
      // any other stays alone in its solo zone (and may join or create one later).
      if (office?.key === 'hq' && input.zoneName && zoneOf(tx.sql.sqlite).kind === 'solo') {
        createZone(tx.sql, tx.siteId, input.zoneName, at);
      }
      ensureSiteCert(tx.sql.sqlite, tx.siteId, officeName, at);
    },
    { author: input.user },
  );
  return appStatus(app);
}

/** 本部's data for a new zone: dictionaries, settings and the 2021 targets. */
function seedZoneData(tx: Tx): void {
  seedDictionary(tx, 'platform', platforms);
  seedDictionary(tx, 'industry', industries);
  seedDictionary(tx, 'fair_edition', fairEditions);
  seed(tx, 'setting', USD_RATE_SETTING, { value: JSON.stringify(defaultUsdCnyRates) });
  seed(tx, 'setting', 'landing.rule', { value: JSON.stringify(defaultLandingRule) });
  seed(tx, 'setting', 'stalled.rules', { value: JSON.stringify(defaultStalledRules) });
  for (const t of targets2021) {
    seed(tx, 'target', targetId(t.year, t.scope, t.key), targetColumns(t.year, t));
  }
}

/** Writes a seeded row unless this laptop already holds one of that id. */
function seed(
  tx: Tx,
  table: 'office' | 'setting' | 'target' | 'dictionary_item',
  id: string,
  fields: Fields,
) {
  if (tx.sql.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) === undefined) {
    tx.mutate.put(table, id, fields);
  }
}

function seedDictionary(tx: Tx, kind: string, labels: readonly string[]) {
  labels.forEach((label, sort) =>
    seed(tx, 'dictionary_item', `${kind}:${label}`, { kind, label, sort }),
  );
}

/**
 * About how many rows the demo writes per project, by table with secondary indexes (seeds/demo/:
 * 1.5 contacts, 2.7 activities, 1.3 tasks, 1.06 arrivals, 8 changes in all); read as at least.
 */
const DEMO_ROWS_PER_PROJECT: Readonly<Record<string, number>> = {
  project: 1,
  contact: 1.5,
  activity: 2.5,
  task: 1.25,
  capital_arrival: 1,
  sync_change: 7.5,
};

/**
 * Writes generated demo data through the mutation layer, in one transaction. A bulk load into
 * mostly empty tables: as the sync import does (db/sync/bulk-indexes.ts), the secondary indexes of
 * the tables it fills are dropped and built again at the end, inside the same transaction (a
 * failure rolls the drop back with the rows), instead of updating some thirty indexes row by row:
 * at 100,000 projects, 800,000 rows and half the time. A table's indexes go when its first row
 * comes, so the investors and promoters, written first, still find their projects by index.
 */
export function loadDemo(
  app: AppDatabase,
  input: { projects: number; seed: number },
): { projects: number } {
  // Demo rows are ordinary changes of a demo zone, which no real zone accepts a file of.
  // Around today, with the user among their office's promoters, and this year's targets.
  const asOf = format(app.now(), 'yyyy-MM-dd');
  app.transact((tx) => {
    if (zoneOf(tx.sql.sqlite).kind === 'real') throw new AppError('DEMO_IN_REAL_ZONE');
    const office = ownOfficeName(app);
    markDemoZone(tx.sql.sqlite, tx.siteId, office, new Date(app.now()).toISOString());
  });
  const name = app.meta('user_name');
  const office = offices.find((o) => o.key === app.meta('office_id'))?.key;
  return withProgressSync(app, '生成演示数据', (report) => {
    const loaded = writeDemoRows(
      app,
      { ...input, asOf, ...(name && office ? { user: { name, office } } : {}) },
      report,
      (tx) => {
        // In the rows' transaction, before them: they are derived at these rates as they are
        // written (after them, every USD project was derived again), and a load that fails
        // leaves the rates as they were.
        const usdRates = demoRates(tx, Number(asOf.slice(0, 4)));
        if (usdRates) updateSettings(tx, { usdRates });
      },
    );
    report('设置目标', 0, 1);
    app.transact((tx) => demoTargets(tx, asOf));
    report('设置目标', 1, 1);
    return loaded;
  });
}

/**
 * The demo's years after the last rate 设置 holds, at that rate, so its 看板 converts every
 * amount (null when none is missing). A real zone enters each year's published rate itself:
 * without one the 看板 says what it cannot convert, and no rate is made up.
 */
function demoRates(tx: Tx, year: number): Record<string, number> | null {
  const usd = readRates(tx.sql).USD ?? {};
  const known = Object.keys(usd).map(Number);
  if (known.length === 0) return null;
  const last = Math.max(...known);
  if (last >= year) return null;
  const rates: Record<string, number> = {};
  for (let y = last + 1; y <= year; y++) rates[String(y)] = usd[String(last)]!;
  return rates;
}

/**
 * This year's targets for the demo: the 2021 plan's shape, each accumulating metric scaled so
 * that the zone is near its 序时进度 (the generated amounts are not the zone's real ones, and a
 * 看板 1,000 points ahead shows nothing).
 */
function demoTargets(tx: Tx, asOf: string): void {
  const year = Number(asOf.slice(0, 4));
  if (year === 2021 || listTargets(tx, { year }).length > 0) return;
  const targets = copyTargetYear(tx, { from: 2021, to: year });
  const board = buildDashboard(tx, { year, asOf });
  if (board.schedule === null || board.schedule <= 0) return;
  for (const m of board.metrics) {
    const planned = m.guarantee ?? m.strive;
    if (!scheduledMetricKeys.has(m.key) || !m.actual || !planned) continue;
    // On pace, a little ahead of the schedule; 力争 as far above 确保 as in the plan.
    const scale = m.actual / board.schedule / 1.05 / planned;
    for (const t of targets.filter((t) => t.key === m.key)) {
      tx.mutate.update('target', t.id, {
        guarantee: t.guarantee === null ? null : roundTarget(t.guarantee * scale),
        strive: t.strive === null ? null : roundTarget(t.strive * scale),
      });
    }
  }
}

/** Two significant digits, as a plan is written (at least 1). */
function roundTarget(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(n, 1))) - 1);
  return Math.max(1, Math.round(n / step) * step);
}

/**
 * 清除演示数据: a backup of the demo database, then an empty one in its place, set up for the same
 * user and office and working alone, so the laptop may create or join a real zone.
 */
export async function clearDemo(app: AppDatabase): Promise<AppStatus & { backup: string }> {
  if (!isDemo(app)) throw new AppError('NOT_DEMO');
  return withProgress(app, '清除演示数据', async (report) => {
    const user = app.meta('user_name') ?? '';
    const office = app.meta('office_id') ?? '';
    const stamp = format(app.now(), 'yyyyMMdd-HHmmss');
    const target = join(backupDir(app), `演示数据-${stamp}.sqlite`);
    const backup = await copyDatabase(app, target, (phase, done, total) =>
      report(phase === '复制数据库' ? '备份演示数据' : phase, done, total),
    );
    report('换成空数据库', 0, 1);
    const fresh = join(dirname(app.file), `.empty-${stamp}.sqlite`);
    const empty = await openAppDatabase(fresh);
    try {
      initialize(empty, { user, office });
      empty.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      empty.close();
    }
    try {
      await app.replaceWith(fresh);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
    }
    report('换成空数据库', 1, 1);
    return { ...appStatus(app), backup: backup.file };
  });
}

/** The demo's rows as ordinary changes, in whatever zone: loadDemo, and tests and benchmarks. */
export function writeDemoRows(
  app: AppDatabase,
  input: DemoOptions,
  report: ReportProgress = () => {},
  /** Writes that go first, in the rows' transaction. */
  before: (tx: Tx) => void = () => {},
): { projects: number } {
  // About 8 rows a project (DEMO_ROWS_PER_PROJECT): the bar's total, which the count never passes.
  const total = input.projects * 8;
  let rows = 0;
  let projects = 0;
  let first = true;
  const spelling = input.projects >= SPELL_AHEAD_MIN_PROJECTS ? spellDemoAhead(input) : undefined;
  try {
    app.transact((tx) => {
      before(tx);
      return tx.mutate.load(() => {
        const rebuilds: (() => void)[] = [];
        const pending = new Set(Object.keys(DEMO_ROWS_PER_PROJECT));
        const dropIndexes = (table: string) => {
          pending.delete(table);
          const rows = Math.floor(input.projects * DEMO_ROWS_PER_PROJECT[table]!);
          if (worthRebuilding(tx.sql, table, rows))
            rebuilds.push(dropSecondaryIndexes(tx.sql, table));
        };
        for (const row of generateDemo(input)) {
          if (first && tx.sql.prepare(`SELECT 1 FROM ${row.table} WHERE id = ?`).get(row.id)) {
            throw new AppError('DEMO_EXISTS', `种子 ${input.seed}`);
          }
          if (first) dropIndexes('sync_change');
          first = false;
          if (pending.has(row.table)) dropIndexes(row.table);
          if (rows % 256 === 0) spelling?.take();
          tx.mutate.insert(row.table, row.fields, row.id);
          if (row.table === 'project') projects += 1;
          rows += 1;
          if (rows % 1000 === 0) report('写入演示记录（条）', Math.min(rows, total), total);
        }
        report('写入演示记录（条）', total, total);
        report('重建索引', 0, 0);
        for (const rebuild of rebuilds) rebuild();
      });
    });
  } finally {
    spelling?.stop();
  }
  report('整理统计信息', 0, 0);
  app.analyze();
  return { projects };
}

function ownOfficeName(app: AppDatabase): string | null {
  return labelOf(offices, app.meta('office_id') ?? null);
}

export function dictionaries(tx: Tx): Dictionaries {
  const items = tx.sql
    .prepare('SELECT kind, label FROM dictionary_item WHERE deleted = 0 ORDER BY kind, sort, label')
    .all() as { kind: string; label: string }[];
  const of = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.label);
  return {
    offices: tx.sql
      .prepare('SELECT id, name FROM office WHERE deleted = 0 ORDER BY sort')
      .all() as Dictionaries['offices'],
    promoters: tx.sql
      .prepare(
        'SELECT id, name, office_id AS officeId FROM promoter WHERE deleted = 0 ORDER BY office_id, name',
      )
      .all() as Dictionaries['promoters'],
    platforms: of('platform'),
    industries: of('industry'),
    fairEditions: of('fair_edition'),
  };
}
