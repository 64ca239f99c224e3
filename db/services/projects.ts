// Projects: create, patch, soft-delete and read, linking the investor and the promoter by name.
import { AppError } from '../../domain/errors';
import { countryByCode } from '../../domain/countries';
import type { Region } from '../../domain/countries';
import type { Tier } from '../../domain/classify';
import type { Stage } from '../../domain/lifecycle';
import { milestones } from '../../domain/lifecycle';
import { resolveStage } from '../../domain/project-input';
import type { ProjectCreateInput, ProjectPatch, ProjectRecord } from '../../domain/project-input';
import { todayIso, yearOf } from '../../domain/dates';
import {
  labelOf,
  capitalTypes,
  officeCode,
  channels,
  offices,
  ownerships,
  projectTypes,
  provinces,
} from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import type { Fields } from '../mutation';
import { snake } from './rows';

type ProjectRow = Record<string, string | number | null>;

export function createProject(tx: Tx, input: ProjectCreateInput): ProjectRecord {
  const row = projectColumns(tx, input, undefined);
  const id = tx.mutate.insert('project', { ...row, code: row.code ?? nextCode(tx, row) });
  return getProject(tx, id);
}

export function updateProject(tx: Tx, id: string, patch: ProjectPatch): ProjectRecord {
  const current = liveRow(tx, id);
  tx.mutate.update('project', id, projectColumns(tx, patch, current));
  return getProject(tx, id);
}

export function deleteProject(tx: Tx, id: string): { id: string } {
  liveRow(tx, id);
  tx.mutate.remove('project', id);
  return { id };
}

export function getProject(tx: Tx, id: string): ProjectRecord {
  return projectRecord(tx, liveRow(tx, id));
}

function liveRow(tx: Tx, id: string): ProjectRow {
  const row = tx.sql.prepare('SELECT * FROM project WHERE id = ? AND deleted = 0').get(id) as
    ProjectRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `项目 ${id}`);
  return row;
}

const plainKeys = [
  'name',
  'code',
  'country',
  'province',
  'ownership',
  'capitalType',
  'projectType',
  'industry',
  'platform',
  'channel',
  'referrer',
  'agent',
  'fairEdition',
  'contractedFdiUsd',
  'landAreaMu',
  'terminatedOn',
  'terminationReason',
  'problems',
  'nextSteps',
  ...milestones.flatMap((m) => [m.actualKey, m.plannedKey]),
] as const;

/** Maps validated input to columns, resolving names to ids and the stage against the dates. */
function projectColumns(
  tx: Tx,
  input: ProjectCreateInput | ProjectPatch,
  current: ProjectRow | undefined,
): Fields {
  const row: Fields = {};
  for (const key of plainKeys) {
    const value = input[key];
    if (value !== undefined) row[snake(key)] = value;
  }
  if (input.industrial !== undefined) row.industrial = input.industrial ? 1 : 0;
  if (input.leaderProject !== undefined) row.leader_project = input.leaderProject ? 1 : 0;
  if (input.office !== undefined) row.office_id = input.office;
  if (input.investor !== undefined)
    row.investor_id = input.investor ? investorIdFor(tx, input.investor) : null;
  if (input.owner !== undefined)
    row.owner_id = input.owner
      ? promoterIdFor(tx, input.owner, input.office ?? current?.office_id)
      : null;
  Object.assign(row, investmentColumns(input, current));
  const dates = Object.fromEntries(
    milestones.map((m) => {
      const given = input[m.actualKey];
      return [
        m.actualKey,
        given !== undefined ? given : (current?.[snake(m.actualKey)] as string | null),
      ];
    }),
  );
  const resolved = resolveStage(input.stage, current?.stage as Stage | undefined, dates);
  if ('error' in resolved) throw new AppError('VALIDATION', resolved.error);
  row.stage = resolved.stage;
  const reason =
    input.terminationReason !== undefined ? input.terminationReason : current?.termination_reason;
  if (resolved.stage === 'terminated' && !reason) {
    throw new AppError('VALIDATION', '终止项目须填写终止原因');
  }
  return row;
}

/**
 * Total investment is one amount in one currency. Setting either currency's amount replaces it;
 * clearing one clears the amount only if it is the stored currency.
 */
function investmentColumns(
  input: ProjectCreateInput | ProjectPatch,
  current: ProjectRow | undefined,
): Fields {
  const stored = current?.investment_currency ?? null;
  for (const [key, currency] of [
    ['totalInvestmentCny', 'CNY'],
    ['totalInvestmentUsd', 'USD'],
  ] as const) {
    const value = input[key];
    if (typeof value === 'number')
      return { total_investment: value, investment_currency: currency };
  }
  for (const [key, currency] of [
    ['totalInvestmentCny', 'CNY'],
    ['totalInvestmentUsd', 'USD'],
  ] as const) {
    if (input[key] === null && (stored === null || stored === currency)) {
      return { total_investment: null, investment_currency: null };
    }
  }
  return {};
}

/** Links an investor by Chinese or English name (case-insensitive), creating it if none matches. */
function investorIdFor(tx: Tx, name: string): string {
  const found = tx.sql
    .prepare(
      'SELECT id FROM investor WHERE deleted = 0 AND (name_zh = @name OR lower(name_en) = lower(@name)) ORDER BY id LIMIT 1',
    )
    .get({ name }) as { id: string } | undefined;
  return found?.id ?? tx.mutate.insert('investor', { name_zh: name });
}

function promoterIdFor(tx: Tx, name: string, officeId: unknown): string {
  const found = tx.sql
    .prepare('SELECT id FROM promoter WHERE deleted = 0 AND name = ? ORDER BY id LIMIT 1')
    .get(name) as { id: string } | undefined;
  return (
    found?.id ??
    tx.mutate.insert('promoter', {
      name,
      office_id: typeof officeId === 'string' ? officeId : null,
      active: 1,
    })
  );
}

/** 项目编号 such as SH2021-0007: office, year and the next running number on this replica. */
function nextCode(tx: Tx, row: Fields): string {
  const prefix = `${officeCode(String(row.office_id))}${yearOf(todayIso())}-`;
  const last = tx.sql
    .prepare(
      `SELECT max(CAST(substr(code, @start) AS INTEGER)) AS n FROM project
       WHERE code GLOB @pattern AND substr(code, @start) NOT GLOB '*[^0-9]*'`,
    )
    .get({ start: prefix.length + 1, pattern: `${prefix}[0-9]*` }) as { n: number | null };
  return `${prefix}${String((last.n ?? 0) + 1).padStart(4, '0')}`;
}

const keyOf = (value: unknown) => (typeof value === 'string' ? value : null);

export function projectRecord(tx: Tx, row: ProjectRow): ProjectRecord {
  const names = tx.sql
    .prepare(
      `SELECT (SELECT name_zh FROM investor WHERE id = ?) AS investor,
              (SELECT name FROM promoter WHERE id = ?) AS owner`,
    )
    .get(row.investor_id, row.owner_id) as { investor: string | null; owner: string | null };
  const str = (col: string) => (row[col] as string | null) ?? null;
  const num = (col: string) => (row[col] as number | null) ?? null;
  const usd = row.investment_currency === 'USD';
  return {
    id: String(row.id),
    code: str('code'),
    name: String(row.name ?? ''),
    investorId: str('investor_id'),
    investor: names.investor,
    country: str('country'),
    countryName: row.country ? (countryByCode(String(row.country))?.nameZh ?? null) : null,
    region: str('region') as Region | null,
    tier: str('tier') as Tier | null,
    province: labelOf(provinces, keyOf(row.province)),
    ownership: labelOf(ownerships, keyOf(row.ownership)),
    capitalType: labelOf(capitalTypes, keyOf(row.capital_type)),
    projectType: labelOf(projectTypes, keyOf(row.project_type)),
    industrial: row.industrial === 1,
    industry: str('industry'),
    platform: str('platform'),
    channel: labelOf(channels, keyOf(row.channel)),
    referrer: str('referrer'),
    agent: str('agent'),
    fairEdition: str('fair_edition'),
    office: labelOf(offices, keyOf(row.office_id)),
    ownerId: str('owner_id'),
    owner: names.owner,
    totalInvestmentCny: usd ? null : num('total_investment'),
    totalInvestmentUsd: usd ? num('total_investment') : null,
    totalInvestmentCnyEquivalent: num('total_cny'),
    contractedFdiUsd: num('contracted_fdi_usd'),
    landAreaMu: num('land_area_mu'),
    stage: (str('stage') ?? 'lead') as Stage,
    terminatedOn: str('terminated_on'),
    terminationReason: str('termination_reason'),
    problems: str('problems'),
    nextSteps: str('next_steps'),
    leaderProject: row.leader_project === 1,
    updatedAt: str('updated_at'),
    ...(Object.fromEntries(
      milestones.flatMap((m) => [
        [m.actualKey, str(snake(m.actualKey))],
        [m.plannedKey, str(snake(m.plannedKey))],
      ]),
    ) as Pick<
      ProjectRecord,
      (typeof milestones)[number]['actualKey'] | (typeof milestones)[number]['plannedKey']
    >),
  };
}
