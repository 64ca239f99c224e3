// Projects: create, patch and read (deleting: deletion.ts), linking the investor and the promoter
// by name.
import { AppError } from '../../domain/errors';
import { countryByCode } from '../../domain/countries';
import { isCurrency } from '../../domain/currencies';
import type { Region } from '../../domain/countries';
import type { Tier } from '../../domain/classify';
import type { Stage } from '../../domain/lifecycle';
import { milestones } from '../../domain/lifecycle';
import { missingChannelField, projectTextKeys, resolveStage } from '../../domain/project-input';
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
  storedProvinces,
} from '../../domain/vocabulary';
import { regionMismatch } from '../../domain/source-region';
import type { RegionSource } from '../../domain/source-region';
import type { Tx } from '../app-database';
import { survivors } from '../merges';
import { readMeta } from '../replica-identity';
import type { Fields } from '../mutation';
import { refuseCycle } from './entities';
import { investmentColumns } from './project-investment';
import { snake } from './rows';

type ProjectRow = Record<string, string | number | null>;

/**
 * How a project write finds its investor and promoter by name and numbers a new project: one query
 * each (a single edit), or maps loaded once for many writes in one transaction (an import).
 */
export interface ProjectLookups {
  investorId(name: string): string;
  promoterId(name: string, officeId: unknown): string;
  nextCode(row: Fields): string;
}

/**
 * A new project from a screen, a fair capture or `project add`: without an office or promoter named
 * (absent, not null), it takes this laptop's 驻点 and user, so it counts in their office's 看板 and
 * is numbered by the office's scheme (SH2026-…). An Excel import (insertProject) keeps the sheet's.
 */
export function createProject(
  tx: Tx,
  input: ProjectCreateInput,
  lookups: ProjectLookups = directLookups(tx),
): ProjectRecord {
  const office =
    input.office === undefined
      ? offices.find((o) => o.key === readMeta(tx.sql.sqlite, 'office_id'))?.key
      : undefined;
  const owner = input.owner === undefined ? readMeta(tx.sql.sqlite, 'user_name') : undefined;
  const withDefaults = {
    ...input,
    ...(office !== undefined ? { office } : {}),
    ...(owner !== undefined ? { owner } : {}),
  };
  return getProject(tx, insertProject(tx, withDefaults, lookups));
}

/** Creates a project and returns its id (an import does not need the record back). */
export function insertProject(tx: Tx, input: ProjectCreateInput, lookups: ProjectLookups): string {
  checkInvestorId(tx, input.investorId);
  const row = projectColumns(input, undefined, lookups);
  setInvestorParent(tx, row.investor_id, input.investorParent);
  return tx.mutate.insert('project', { ...row, code: row.code ?? lookups.nextCode(row) });
}

export function updateProject(
  tx: Tx,
  id: string,
  patch: ProjectPatch,
  lookups: ProjectLookups = directLookups(tx),
): ProjectRecord {
  const current = liveRow(tx, id);
  checkInvestorId(tx, patch.investorId);
  const row = projectColumns(patch, current, lookups);
  setInvestorParent(tx, row.investor_id ?? current.investor_id, patch.investorParent);
  tx.mutate.update('project', id, row);
  return getProject(tx, id);
}

export function getProject(tx: Tx, id: string): ProjectRecord {
  return projectRecord(tx, liveRow(tx, id));
}

/**
 * The ledger's 母公司 names the investor's parent: an investor on record by that name becomes its
 * parent investor (so the group's region follows); the name is kept either way.
 */
function setInvestorParent(tx: Tx, investorId: unknown, parent: string | null | undefined): void {
  if (parent === undefined || typeof investorId !== 'string') return;
  const found =
    parent === null
      ? undefined
      : (tx.sql
          .prepare(
            `SELECT id FROM investor WHERE deleted = 0 AND id <> @self
               AND (name_zh = @name OR lower(name_en) = lower(@name)) ORDER BY id LIMIT 1`,
          )
          .get({ self: investorId, name: parent }) as { id: string } | undefined);
  if (found) refuseCycle(tx, investorId, found.id);
  tx.mutate.update('investor', investorId, {
    parent_investor_id: found?.id ?? null,
    parent_name: parent,
  });
}

/** A project names its investor by id only if that investor is on record. */
function checkInvestorId(tx: Tx, id: string | null | undefined): void {
  if (typeof id !== 'string') return;
  if (!tx.sql.prepare('SELECT 1 FROM investor WHERE id = ? AND deleted = 0').get(id)) {
    throw new AppError('NOT_FOUND', `投资方 ${id}`);
  }
}

function liveRow(tx: Tx, id: string): ProjectRow {
  const row = tx.sql.prepare('SELECT * FROM project WHERE id = ? AND deleted = 0').get(id) as
    ProjectRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `项目 ${id}`);
  return row;
}

const plainKeys = [
  ...projectTextKeys,
  'contractedFdiUsd',
  'landAreaMu',
  ...milestones.flatMap((m) => [m.actualKey, m.plannedKey]),
] as const;

/** Maps validated input to columns, resolving names to ids and the stage against the dates. */
function projectColumns(
  input: ProjectCreateInput | ProjectPatch,
  current: ProjectRow | undefined,
  lookups: ProjectLookups,
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
    row.investor_id = input.investor ? lookups.investorId(input.investor) : null;
  if (input.investorId !== undefined) row.investor_id = input.investorId;
  if (input.outsideCity !== undefined)
    row.outside_city = input.outsideCity === null ? null : input.outsideCity ? 1 : 0;
  if (input.owner !== undefined)
    row.owner_id = input.owner
      ? lookups.promoterId(input.owner, input.office ?? current?.office_id)
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
  const channelKeys = ['channel', 'referrer', 'agent', 'fairEdition'] as const;
  const kept = (key: (typeof channelKeys)[number]) =>
    (input[key] !== undefined ? input[key] : current?.[snake(key)]) as string | null | undefined;
  const missing = missingChannelField({
    channel: kept('channel'),
    referrer: kept('referrer'),
    agent: kept('agent'),
    fairEdition: kept('fairEdition'),
  });
  // A change that leaves the channel fields alone is not refused for an old gap (数据质量 lists it).
  const touched = !current || channelKeys.some((k) => input[k] !== undefined);
  if (missing && touched) throw new AppError('VALIDATION', missing.message);
  return row;
}

/**
 * The investors a typed name may find: live ones first, else one merged away, whose name the
 * project then names, stored as its survivor (db/merges.ts): a merge does not bring the other
 * name back as a new investor.
 */
const namedInvestor = '(deleted = 0 OR merged_into IS NOT NULL)';

/** Of the rows namedInvestor finds, those a name may find: a merged-away one whose survivor stands. */
function standing(tx: Tx): (row: { id: string; deleted: number }) => boolean {
  let survivor: Map<string, string> | undefined;
  const live = tx.sql.prepare('SELECT 1 FROM investor WHERE id = ? AND deleted = 0');
  return (row) => {
    if (row.deleted === 0) return true;
    survivor ??= survivors(tx.sql, 'investor');
    const end = survivor.get(row.id);
    return end !== undefined && live.get(end) !== undefined;
  };
}

/** One query per lookup: investors by Chinese or English name (case-insensitive), promoters by name. */
export function directLookups(tx: Tx): ProjectLookups {
  return {
    investorId: (name) => {
      const found = (
        tx.sql
          .prepare(
            `SELECT id, deleted FROM investor WHERE ${namedInvestor} AND (name_zh = @name OR lower(name_en) = lower(@name))
           ORDER BY deleted, id`,
          )
          .all({ name }) as { id: string; deleted: number }[]
      ).find(standing(tx));
      return found?.id ?? newInvestor(tx, name);
    },
    promoterId: (name, officeId) => {
      const found = tx.sql
        .prepare('SELECT id FROM promoter WHERE deleted = 0 AND name = ? ORDER BY id LIMIT 1')
        .get(name) as { id: string } | undefined;
      return found?.id ?? newPromoter(tx, name, officeId);
    },
    nextCode: (row) => {
      const prefix = codePrefix(row);
      return `${prefix}${formatNumber(lastCodeNumber(tx, prefix) + 1)}`;
    },
  };
}

/**
 * The same answers from maps loaded once, for many writes in one transaction: the names and the
 * running numbers it creates are added as it goes. The smallest id wins, as in directLookups.
 */
export function batchLookups(tx: Tx): ProjectLookups {
  const investors = new Map<string, string>();
  const rows = tx.sql
    .prepare(
      `SELECT id, name_zh, name_en, deleted FROM investor WHERE ${namedInvestor} ORDER BY deleted DESC, id DESC`,
    )
    .all() as { id: string; name_zh: string | null; name_en: string | null; deleted: number }[];
  for (const r of rows.filter(standing(tx))) {
    if (r.name_en) investors.set(`en:${r.name_en.toLowerCase()}`, r.id);
    if (r.name_zh) investors.set(`zh:${r.name_zh}`, r.id);
  }
  const promoters = new Map<string, string>();
  for (const r of tx.sql
    .prepare('SELECT id, name FROM promoter WHERE deleted = 0 ORDER BY id DESC')
    .all() as { id: string; name: string }[]) {
    promoters.set(r.name, r.id);
  }
  const lastNumbers = new Map<string, number>();
  return {
    investorId: (name) => {
      const byZh = investors.get(`zh:${name}`);
      const byEn = investors.get(`en:${name.toLowerCase()}`);
      const found = byZh && byEn ? (byZh < byEn ? byZh : byEn) : (byZh ?? byEn);
      if (found) return found;
      const id = newInvestor(tx, name);
      investors.set(`zh:${name}`, id);
      return id;
    },
    promoterId: (name, officeId) => {
      const found = promoters.get(name);
      if (found) return found;
      const id = newPromoter(tx, name, officeId);
      promoters.set(name, id);
      return id;
    },
    nextCode: (row) => {
      const prefix = codePrefix(row);
      const next = (lastNumbers.get(prefix) ?? lastCodeNumber(tx, prefix)) + 1;
      lastNumbers.set(prefix, next);
      return `${prefix}${formatNumber(next)}`;
    },
  };
}

const newInvestor = (tx: Tx, name: string) => tx.mutate.insert('investor', { name_zh: name });

const newPromoter = (tx: Tx, name: string, officeId: unknown) =>
  tx.mutate.insert('promoter', {
    name,
    office_id: typeof officeId === 'string' ? officeId : null,
    active: 1,
  });

/** 项目编号 such as SH2021-0007: office, year and the next running number on this replica. */
const codePrefix = (row: Fields) => `${officeCode(String(row.office_id))}${yearOf(todayIso())}-`;
const formatNumber = (n: number) => String(n).padStart(4, '0');

function lastCodeNumber(tx: Tx, prefix: string): number {
  const last = tx.sql
    .prepare(
      `SELECT max(CAST(substr(code, @start) AS INTEGER)) AS n FROM project
       WHERE code GLOB @pattern AND substr(code, @start) NOT GLOB '*[^0-9]*'`,
    )
    .get({ start: prefix.length + 1, pattern: `${prefix}[0-9]*` }) as { n: number | null };
  return last.n ?? 0;
}

const keyOf = (value: unknown) => (typeof value === 'string' ? value : null);

export function projectRecord(tx: Tx, row: ProjectRow): ProjectRecord {
  const names = tx.sql
    .prepare(
      `SELECT (SELECT name_zh FROM investor WHERE id = ?) AS investor,
              (SELECT name FROM promoter WHERE id = ?) AS owner,
              (SELECT name_zh FROM investor WHERE id = ?) AS groupParent,
              (SELECT coalesce(pi.name_zh, i.parent_name) FROM investor i
                 LEFT JOIN investor pi ON pi.id = i.parent_investor_id WHERE i.id = ?)
                AS investorParent`,
    )
    .get(row.investor_id, row.owner_id, row.group_parent_id, row.investor_id) as {
    investor: string | null;
    owner: string | null;
    groupParent: string | null;
    investorParent: string | null;
  };
  const str = (col: string) => (row[col] as string | null) ?? null;
  const num = (col: string) => (row[col] as number | null) ?? null;
  const amount = num('total_investment');
  // An amount without a currency is in 元, as the derived total_cny reads it.
  const currency =
    amount === null ? null : isCurrency(row.investment_currency) ? row.investment_currency : 'CNY';
  return {
    id: String(row.id),
    code: str('code'),
    projectCode: str('project_code'),
    name: String(row.name ?? ''),
    investorId: str('investor_id'),
    investor: names.investor,
    investorParent: names.investorParent,
    country: str('country'),
    countryName: row.country ? (countryByCode(String(row.country))?.nameZh ?? null) : null,
    region: str('region') as Region | null,
    regionSource: str('region_source') as RegionSource | null,
    groupCountry: str('group_country'),
    groupCountryName: row.group_country
      ? (countryByCode(String(row.group_country))?.nameZh ?? null)
      : null,
    groupParent: names.groupParent,
    regionMismatch: regionMismatch(str('country'), str('group_country')),
    tier: str('tier') as Tier | null,
    province: labelOf(storedProvinces, keyOf(row.province)),
    city: str('city'),
    outsideCity: row.outside_city === null ? null : row.outside_city === 1,
    outsideCityDerived: row.city_outside === null ? null : row.city_outside === 1,
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
    totalInvestmentCny: currency === 'CNY' ? amount : null,
    totalInvestmentUsd: currency === 'USD' ? amount : null,
    totalInvestment: amount,
    investmentCurrency: currency,
    totalInvestmentCnyEquivalent: num('total_cny'),
    contractedFdiUsd: num('contracted_fdi_usd'),
    landAreaMu: num('land_area_mu'),
    stage: (str('stage') ?? 'lead') as Stage,
    terminatedOn: str('terminated_on'),
    techApprovedOn: str('tech_approved_on'),
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
