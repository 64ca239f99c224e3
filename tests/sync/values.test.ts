// The property tests' values (values.ts) are what local input accepts: each table's generated row,
// turned into its form's input, passes the form schema (domain/*.ts), so an import that checks
// values as local input does never refuses them.
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, test } from 'vitest';
import type { SyncedTable } from '../../db/synced-tables';
import {
  activityFields,
  arrivalFields,
  contactFields,
  investorFields,
  taskFields,
} from '../../domain/entities';
import { projectPatch } from '../../domain/project-input';
import { targetActualInput, targetUpsertInput } from '../../domain/targets';
import { officeKeys } from '../../domain/vocabulary';
import { captureCreate } from '../../domain/captures';
import { dictionaryItemInput, settingsUpdate } from '../../domain/settings';
import { isRef, settingIds, settingValues, tableValues } from './values';
import type { SpecFields } from './values';

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const FLAGS = new Set([
  'fortune500',
  'china100',
  'central_soe',
  'listed',
  'well_known',
  'done',
  'outside_city',
  'industrial',
  'leader_project',
]);

/** A generated row as its form's input: camelCase keys, flags as booleans, references as ids. */
function asInput(values: SpecFields, skip: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values)) {
    if (skip.includes(column)) continue;
    input[camel(column)] = isRef(value)
      ? `${value.ref}-${value.pick}`
      : FLAGS.has(column)
        ? value === 1
        : value;
  }
  return input;
}

function accepts(schema: z.ZodType, input: unknown): void {
  const parsed = schema.safeParse(input);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

const forms: Partial<Record<SyncedTable, (values: SpecFields) => void>> = {
  investor: (v) =>
    accepts(investorFields, { ...asInput(v), aliases: JSON.parse(String(v.aliases)) as unknown }),
  contact: (v) => accepts(contactFields, asInput(v)),
  activity: (v) => accepts(activityFields, asInput(v)),
  task: (v) => accepts(taskFields, asInput(v)),
  // outside_override is the form's outsideCity; outside_city only an older version's box.
  capital_arrival: (v) =>
    accepts(arrivalFields, {
      ...asInput(v, ['outside_city', 'outside_override']),
      outsideCity: v.outside_override === null ? null : v.outside_override === 1,
    }),
  project: (v) => {
    const amount =
      v.total_investment === null
        ? {}
        : {
            [v.investment_currency === 'USD' ? 'totalInvestmentUsd' : 'totalInvestmentCny']:
              v.total_investment,
          };
    accepts(projectPatch, {
      ...asInput(v, [
        'investor_id',
        'owner_id',
        'office_id',
        'total_investment',
        'investment_currency',
      ]),
      office: v.office_id,
      ...amount,
    });
  },
  target: (v) => accepts(targetUpsertInput, { ...asInput(v, ['metric_key']), key: v.metric_key }),
  target_actual: (v) => accepts(targetActualInput, asInput(v)),
  capture: (v) => {
    accepts(captureCreate, asInput(v, ['status', 'project_id']));
    expect(['new', 'converted', 'attached', 'dismissed']).toContain(v.status);
  },
  dictionary_item: (v) => accepts(dictionaryItemInput, asInput(v, ['sort'])),
  promoter: (v) => {
    accepts(settingsUpdate, { user: v.name });
    expect(v.office_id === null || (officeKeys as readonly unknown[]).includes(v.office_id)).toBe(
      true,
    );
  },
};

describe('property-test values are valid local input', () => {
  for (const [table, check] of Object.entries(forms) as [SyncedTable, (v: SpecFields) => void][]) {
    test(table, () => {
      fc.assert(fc.property(fc.record(tableValues[table].fields), check), { numRuns: 300 });
    });
  }

  test('setting', () => {
    const keys = {
      'fx.usd_cny': 'usdRates',
      'landing.rule': 'landingRule',
      'stalled.rules': 'stalledRules',
      'schedule.basis': 'scheduleBasis',
      'schedule.lights': 'lightThresholds',
    };
    for (const id of settingIds) {
      fc.assert(
        fc.property(settingValues[id], (value) =>
          accepts(settingsUpdate, { [keys[id]]: JSON.parse(value) as unknown }),
        ),
        { numRuns: 300 },
      );
    }
  });
});
