// Settings: the current user and office (this laptop), exchange rates per year (synced; changing
// one re-tiers the projects of that year), the 落地率 rule and the 五未 rules; and the editable
// dictionaries (platforms, industries, fair editions).
import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { LandingRule, StalledRule } from '../../domain/lifecycle';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Settings, dictionaryItemInput } from '../../domain/settings';
import { settingsUpdate } from '../../domain/settings';
import { defaultLightThresholds, defaultScheduleBasis } from '../../domain/schedule';
import type { LightThresholds, ScheduleBasis } from '../../domain/schedule';
import { settingIds } from '../../domain/stored-values';
import { defaultLandingRule, defaultStalledRules } from '../../seeds/dictionaries';
import type { Tx } from '../app-database';
import { USD_RATE_SETTING, readRates } from '../derived';
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
    usdRates: Object.fromEntries(Object.entries(readRates(tx.sql)).map(([y, r]) => [y, r])),
    landingRule: json<LandingRule>(
      'landing.rule',
      settingsUpdate.shape.landingRule,
      defaultLandingRule,
    ),
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

export function updateSettings(tx: Tx, input: z.output<typeof settingsUpdate>): Settings {
  if (input.user !== undefined) writeMeta(tx.sql.sqlite, 'user_name', input.user);
  if (input.office !== undefined) {
    const office = offices.find((o) => o.key === input.office || o.label === input.office);
    if (!office) throw new AppError('VALIDATION', `驻点「${input.office}」无效`);
    writeMeta(tx.sql.sqlite, 'office_id', office.key);
  }
  if (input.usdRates !== undefined) {
    const before = readRates(tx.sql);
    const rates = { ...before, ...input.usdRates };
    tx.mutate.put('setting', USD_RATE_SETTING, {
      value: JSON.stringify(sortedByYear(rates)),
      deleted: 0,
    });
    // Tiers of USD projects depend on the rate of their year (or the nearest year with one).
    const usdProjects = tx.sql
      .prepare("SELECT id FROM project WHERE investment_currency = 'USD'")
      .all() as { id: string }[];
    for (const { id } of usdProjects) tx.mutate.refreshProject(id);
  }
  if (input.landingRule !== undefined) {
    tx.mutate.put('setting', 'landing.rule', {
      value: JSON.stringify(input.landingRule),
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

function sortedByYear(rates: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(rates).sort(([a], [b]) => Number(a) - Number(b)));
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
