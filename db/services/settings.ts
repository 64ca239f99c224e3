// Settings: the current user and office (this laptop), exchange rates per year (synced; changing
// one re-tiers the projects of that year), the 落地率 rule and the 五未 rules; and the editable
// dictionaries (platforms, industries, fair editions).
import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { LandingRule, StalledRule } from '../../domain/lifecycle';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Settings, dictionaryItemInput } from '../../domain/settings';
import { landingRuleFor, settingsUpdate } from '../../domain/settings';
import { defaultLightThresholds, defaultScheduleBasis } from '../../domain/schedule';
import type { LightThresholds, ScheduleBasis } from '../../domain/schedule';
import { settingIds } from '../../domain/stored-values';
import { defaultLandingRule, defaultStalledRules } from '../../seeds/dictionaries';
import type { Tx } from '../app-database';
import { USD_RATE_SETTING, readRates } from '../derived';
import { todayIso, yearOf } from '../../domain/dates';
import type { OtherCurrency } from '../../domain/currencies';
import { readMeta, writeMeta } from '../replica-identity';

export function readSettings(tx: Tx): Settings {
  // Rules arrive by sync too, perhaps from a newer version: a value this version cannot read
  // falls back to the defaults rather than break the 看板.
  const json = <T>(id: string, schema: z.ZodType<T | undefined>, fallback: T): T => {
    const row = tx.sql.prepare('SELECT value FROM setting WHERE id = ? AND deleted = 0').get(id) as
      { value: string } | undefined;
    if (!row) return fallback;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      return fallback;
    }
    const parsed = schema.safeParse(value);
    return parsed.success && parsed.data !== undefined ? parsed.data : fallback;
  };
  const office = readMeta(tx.sql.sqlite, 'office_id') ?? null;
  return {
    user: readMeta(tx.sql.sqlite, 'user_name') ?? null,
    office: office && labelOf(offices, office),
    ...ratesOf(tx),
    ...landingRulesOf(json),
    stalledRules: json<StalledRule[]>(
      'stalled.rules',
      settingsUpdate.shape.stalledRules,
      defaultStalledRules,
    ),
    scheduleBasis: json<ScheduleBasis>(
      settingIds.scheduleBasis,
      settingsUpdate.shape.scheduleBasis,
      defaultScheduleBasis,
    ),
    lightThresholds: json<LightThresholds>(
      settingIds.lightThresholds,
      settingsUpdate.shape.lightThresholds,
      defaultLightThresholds,
    ),
  };
}

/** 元 per 美元 and per unit of the other currencies, by year, as 设置 shows them. */
function ratesOf(tx: Tx): Pick<Settings, 'usdRates' | 'fxRates'> {
  const { USD, ...others } = readRates(tx.sql);
  return { usdRates: { ...USD }, fxRates: others as Settings['fxRates'] };
}

type JsonReader = <T>(id: string, schema: z.ZodType<T | undefined>, fallback: T) => T;

/** Each year's 落地率 rule and this year's (the one 设置 edits). */
function landingRulesOf(json: JsonReader): Pick<Settings, 'landingRule' | 'landingRules'> {
  const rules = json<Record<string, LandingRule>>(
    settingIds.landingRules,
    settingsUpdate.shape.landingRules,
    {},
  );
  return {
    landingRules: rules,
    landingRule: landingRuleFor(rules, yearOf(todayIso()), legacyRule(json)),
  };
}

/** The single rule of versions before rules by year: what years without their own read. */
function legacyRule(json: JsonReader): LandingRule {
  return json<LandingRule>(
    settingIds.landingRule,
    settingsUpdate.shape.landingRule,
    defaultLandingRule,
  );
}

/** The 落地率 rule the 看板 reads for a year (a closed year keeps its own). */
export function landingRuleOf(tx: Tx, year: number): LandingRule {
  return landingRuleFor(readSettings(tx).landingRules, year, legacyLandingRule(tx));
}

function legacyLandingRule(tx: Tx): LandingRule {
  const row = tx.sql
    .prepare('SELECT value FROM setting WHERE id = ? AND deleted = 0')
    .get(settingIds.landingRule) as { value: string } | undefined;
  try {
    const parsed = settingsUpdate.shape.landingRule.safeParse(row && JSON.parse(row.value));
    return parsed.success && parsed.data ? parsed.data : defaultLandingRule;
  } catch {
    return defaultLandingRule;
  }
}

export function updateSettings(tx: Tx, input: z.output<typeof settingsUpdate>): Settings {
  if (input.user !== undefined) writeMeta(tx.sql.sqlite, 'user_name', input.user);
  if (input.office !== undefined) {
    const office = offices.find((o) => o.key === input.office || o.label === input.office);
    if (!office) throw new AppError('VALIDATION', `驻点「${input.office}」无效`);
    writeMeta(tx.sql.sqlite, 'office_id', office.key);
  }
  const changed: string[] = [];
  if (input.usdRates !== undefined) {
    const rates = { ...readRates(tx.sql).USD, ...input.usdRates };
    tx.mutate.put('setting', USD_RATE_SETTING, {
      value: JSON.stringify(sortedByYear(rates)),
      deleted: 0,
    });
    changed.push('USD');
  }
  if (input.fxRates !== undefined) {
    const merged: Record<string, Record<string, number>> = { ...readRates(tx.sql) };
    delete merged.USD;
    for (const [currency, byYear] of Object.entries(input.fxRates) as [
      OtherCurrency,
      Record<string, number>,
    ][]) {
      merged[currency] = sortedByYear({ ...merged[currency], ...byYear });
      changed.push(currency);
    }
    tx.mutate.put('setting', settingIds.fxRates, { value: JSON.stringify(merged), deleted: 0 });
  }
  // 元 amounts and tiers of projects in these currencies follow their year's rate.
  if (changed.length > 0) {
    const projects = tx.sql
      .prepare(
        'SELECT id FROM project WHERE investment_currency IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .all(JSON.stringify(changed)) as string[];
    tx.mutate.refreshProjects(projects);
  }
  if (input.landingRule !== undefined || input.landingRules !== undefined) {
    // This year's rule changes this year's only: closed years keep the rule they had.
    const { landingRules } = readSettings(tx);
    const thisYear = yearOf(todayIso());
    const rules = { ...landingRules };
    // Years before the first of their own read the old single rule: pin it before it changes.
    if (Object.keys(rules).length === 0) rules[String(thisYear - 1)] = legacyLandingRule(tx);
    if (input.landingRule !== undefined) rules[String(thisYear)] = input.landingRule;
    Object.assign(rules, input.landingRules ?? {});
    tx.mutate.put('setting', settingIds.landingRules, {
      value: JSON.stringify(sortedByYear(rules)),
      deleted: 0,
    });
  }
  if (input.stalledRules !== undefined) {
    tx.mutate.put('setting', 'stalled.rules', {
      value: JSON.stringify(input.stalledRules),
      deleted: 0,
    });
  }
  for (const key of ['scheduleBasis', 'lightThresholds'] as const) {
    if (input[key] === undefined) continue;
    tx.mutate.put('setting', settingIds[key], { value: JSON.stringify(input[key]), deleted: 0 });
  }
  return readSettings(tx);
}

function sortedByYear<T>(byYear: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byYear).sort(([a], [b]) => Number(a) - Number(b)));
}

export function addDictionaryItem(
  tx: Tx,
  input: z.output<typeof dictionaryItemInput>,
): { kind: string; label: string } {
  const id = `${input.kind}:${input.label}`;
  const last = tx.sql
    .prepare('SELECT max(sort) AS sort FROM dictionary_item WHERE kind = ?')
    .get(input.kind) as { sort: number | null };
  tx.mutate.put('dictionary_item', id, {
    kind: input.kind,
    label: input.label,
    sort: (last.sort ?? -1) + 1,
    deleted: 0,
  });
  return input;
}

export function removeDictionaryItem(
  tx: Tx,
  input: z.output<typeof dictionaryItemInput>,
): { kind: string; label: string } {
  const id = `${input.kind}:${input.label}`;
  if (!tx.sql.prepare('SELECT 1 FROM dictionary_item WHERE id = ? AND deleted = 0').get(id)) {
    throw new AppError('NOT_FOUND', input.label);
  }
  tx.mutate.remove('dictionary_item', id);
  return input;
}
