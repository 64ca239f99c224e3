// 年度重点推进项目 on the 看板 (docs/domain.md "Key projects"): the year's 区重点 and 市级 lists
// (annual_projects, city_projects), their 完成投资 against the plan (key_projects_investment,
// city_projects_investment), 新批技改项目 (tech_renovation), and every key project's own 完成投资
// against its 年度计划投资 with its light against 序时. Read through the figures' scope: on the
// months basis, 完成投资 counts the months up to the last completed one.
import type { KeyProjectRow } from '../../../domain/dashboard';
import { MONTHS, monthColumn } from '../../../domain/key-investment';
import { ratio, scheduleGapPoints, scheduleLight } from '../../../domain/schedule';
import type { Tx } from '../../app-database';
import { countedKeyRow } from '../key-investment';
import { ALIVE, LIVE } from './conditions';
import type { DashboardParams, Scope } from './scope';
import { ids, pad } from './scope';

export type KeyMetricKey =
  | 'annual_projects'
  | 'key_projects_investment'
  | 'city_projects'
  | 'city_projects_investment'
  | 'tech_renovation';

interface KeyFigure {
  actual: number;
  count: number;
  projects?: string[];
  base?: number;
}

/** The key-project list a metric reads: 区重点 or 市级. */
const levelOf: Record<Exclude<KeyMetricKey, 'tech_renovation'>, string> = {
  annual_projects: 'ki.level_district = 1',
  key_projects_investment: 'ki.level_district = 1',
  city_projects: 'ki.level_city = 1',
  city_projects_investment: 'ki.level_city = 1',
};

/** The year's key-investment rows (alias ki) of live projects of the scope, alive on as-of (alias p). */
const KEY_ROWS = `key_investment ki INDEXED BY key_investment_year
  JOIN project p ON p.id = ki.project_id
  WHERE ki.year = @year AND ki.deleted = 0 AND p.deleted = 0 AND ${countedKeyRow('ki')}
    AND (@office IS NULL OR p.office_id = @office)
    AND NOT (coalesce(p.stage, '') = 'terminated' AND coalesce(p.terminated_on, '') <= @asOf)`;

/** 新批技改项目: 技改 projects approved in the year up to as-of, alive. */
export const TECH_RENOVATION = `project_type = 'tech_renovation'
  AND tech_approved_on BETWEEN @from AND @to AND ${ALIVE}`;

/** How many months of 完成投资 count: those up to the figures' as-of, within the year. */
export function monthsCounted(scope: Scope): number {
  const { asOf, from } = scope.params;
  if (asOf < from) return 0;
  if (asOf > `${pad(scope.year)}-12-31`) return 12;
  return Number(asOf.slice(5, 7));
}

/** The SQL sum of the months counted (the month count is ours, not input). */
const doneSum = (months: number) =>
  months === 0
    ? '0'
    : MONTHS.slice(0, months)
        .map((m) => `coalesce(ki.${monthColumn(m)}, 0)`)
        .join(' + ');

const paramsOf = (scope: Scope): DashboardParams & { year: number } => ({
  ...scope.params,
  year: scope.year,
});

/** The projects behind a key-project metric, for the drill-down. */
export function keyMetricIds(tx: Tx, scope: Scope, key: KeyMetricKey): string[] {
  if (key === 'tech_renovation') {
    return ids(tx, `SELECT id FROM project WHERE ${LIVE} AND ${TECH_RENOVATION}`, scope.params);
  }
  return tx.sql
    .prepare(`SELECT p.id FROM ${KEY_ROWS} AND ${levelOf[key]}`)
    .pluck()
    .all(paramsOf(scope)) as string[];
}

export function keyActuals(tx: Tx, scope: Scope): Record<KeyMetricKey, KeyFigure> {
  const done = doneSum(monthsCounted(scope));
  const lists = tx.sql
    .prepare(
      `SELECT
         count(CASE WHEN ki.level_district = 1 THEN 1 END) AS districtCount,
         coalesce(sum(CASE WHEN ki.level_district = 1 THEN ${done} END), 0) AS districtDone,
         coalesce(sum(CASE WHEN ki.level_district = 1 THEN ki.planned END), 0) AS districtPlanned,
         count(CASE WHEN ki.level_city = 1 THEN 1 END) AS cityCount,
         coalesce(sum(CASE WHEN ki.level_city = 1 THEN ${done} END), 0) AS cityDone,
         coalesce(sum(CASE WHEN ki.level_city = 1 THEN ki.planned END), 0) AS cityPlanned
       FROM ${KEY_ROWS}`,
    )
    .get(paramsOf(scope)) as Record<string, number>;
  const tech = tx.sql
    .prepare(`SELECT count(*) FROM project WHERE ${LIVE} AND ${TECH_RENOVATION}`)
    .pluck()
    .get(scope.params) as number;
  const withIds = (key: KeyMetricKey, figure: KeyFigure): KeyFigure =>
    scope.withProjects ? { ...figure, projects: keyMetricIds(tx, scope, key) } : figure;
  return {
    annual_projects: withIds('annual_projects', {
      actual: lists.districtCount!,
      count: lists.districtCount!,
    }),
    key_projects_investment: withIds('key_projects_investment', {
      actual: lists.districtDone!,
      count: lists.districtCount!,
      base: lists.districtPlanned!,
    }),
    city_projects: withIds('city_projects', { actual: lists.cityCount!, count: lists.cityCount! }),
    city_projects_investment: withIds('city_projects_investment', {
      actual: lists.cityDone!,
      count: lists.cityCount!,
      base: lists.cityPlanned!,
    }),
    tech_renovation: withIds('tech_renovation', { actual: tech, count: tech }),
  };
}

/**
 * Every key project of the year (on any list: 区重点, 市级 or 省级) with its 完成投资 against its
 * 年度计划投资 and the light of that against 序时; furthest behind first.
 */
export function keyProjectRows(tx: Tx, scope: Scope, schedule: number | null): KeyProjectRow[] {
  const done = doneSum(monthsCounted(scope));
  const rows = tx.sql
    .prepare(
      `SELECT p.id AS projectId, p.code, p.name, p.office_id AS office, p.owner_name AS owner,
         ki.level_district AS district, ki.level_city AS city, ki.level_province AS province,
         ki.planned, ${done} AS completed
       FROM ${KEY_ROWS}
         AND (ki.level_district = 1 OR ki.level_city = 1 OR ki.level_province = 1)`,
    )
    .all(paramsOf(scope)) as (Omit<
    KeyProjectRow,
    'district' | 'city' | 'province' | 'completion' | 'scheduleGap' | 'light'
  > & { district: number | null; city: number | null; province: number | null })[];
  return rows
    .map((r): KeyProjectRow => {
      const completion = r.planned ? ratio(r.completed, r.planned) : null;
      return {
        ...r,
        name: r.name ?? '',
        district: r.district === 1,
        city: r.city === 1,
        province: r.province === 1,
        completion,
        scheduleGap:
          completion === null || schedule === null ? null : scheduleGapPoints(completion, schedule),
        light: scheduleLight(completion, schedule, scope.lightThresholds),
      };
    })
    .sort(
      (a, b) =>
        (a.scheduleGap ?? Infinity) - (b.scheduleGap ?? Infinity) ||
        (a.code ?? '').localeCompare(b.code ?? ''),
    );
}
