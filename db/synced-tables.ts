// The registry of synced tables: which columns a change may carry and of what type. The mutation
// layer and (later) sync import consult it; a test checks it against the real schema.

export type ColumnType = 'text' | 'integer' | 'real';

interface TableSpec {
  /** Columns a change may write (besides the id). `deleted` is on every table. */
  readonly columns: Readonly<Record<string, ColumnType>>;
  /** Local columns computed from the synced ones; never carried by a change. */
  readonly derived?: readonly string[];
}

export const syncedTables = {
  office: { columns: { deleted: 'integer', name: 'text', sort: 'integer' } },
  promoter: {
    columns: { deleted: 'integer', name: 'text', office_id: 'text', active: 'integer' },
  },
  investor: {
    columns: {
      deleted: 'integer',
      name_zh: 'text',
      name_en: 'text',
      aliases: 'text',
      parent_name: 'text',
      parent_investor_id: 'text',
      hq_country: 'text',
      province: 'text',
      city: 'text',
      fortune500: 'integer',
      china100: 'integer',
      central_soe: 'integer',
      listed: 'integer',
      well_known: 'integer',
      notes: 'text',
      merged_into: 'text',
      credit_code: 'text',
    },
    derived: ['search_text'],
  },
  contact: {
    columns: {
      deleted: 'integer',
      investor_id: 'text',
      project_id: 'text',
      name: 'text',
      title: 'text',
      phone: 'text',
      wechat: 'text',
      email: 'text',
      notes: 'text',
      merged_into: 'text',
    },
  },
  project: {
    columns: {
      deleted: 'integer',
      code: 'text',
      name: 'text',
      investor_id: 'text',
      country: 'text',
      province: 'text',
      city: 'text',
      outside_city: 'integer',
      ownership: 'text',
      capital_type: 'text',
      project_type: 'text',
      industrial: 'integer',
      industry: 'text',
      platform: 'text',
      channel: 'text',
      referrer: 'text',
      agent: 'text',
      fair_edition: 'text',
      office_id: 'text',
      owner_id: 'text',
      total_investment: 'integer',
      investment_currency: 'text',
      contracted_fdi_usd: 'integer',
      land_area_mu: 'real',
      stage: 'text',
      terminated_on: 'text',
      termination_reason: 'text',
      problems: 'text',
      next_steps: 'text',
      leader_project: 'integer',
      signed_on: 'text',
      planned_signed_on: 'text',
      registered_on: 'text',
      planned_registered_on: 'text',
      land_supplied_on: 'text',
      planned_land_supplied_on: 'text',
      started_on: 'text',
      planned_started_on: 'text',
      completed_on: 'text',
      planned_completed_on: 'text',
      producing_on: 'text',
      planned_producing_on: 'text',
      tech_approved_on: 'text',
      merged_into: 'text',
      project_code: 'text',
    },
    derived: [
      'region',
      'tier',
      'total_cny',
      'search_text',
      'investor_name',
      'owner_name',
      'updated_at',
      'last_actual_on',
      'dated_stage',
      'region_source',
      'group_country',
      'group_parent_id',
      'city_outside',
      'group_flags',
      'match_key',
    ],
  },
  capital_arrival: {
    columns: {
      deleted: 'integer',
      project_id: 'text',
      arrived_on: 'text',
      amount: 'integer',
      currency: 'text',
      kind: 'text',
      outside_city: 'integer',
      outside_override: 'integer',
      notes: 'text',
    },
    derived: ['outside_counted'],
  },
  key_investment: {
    columns: {
      deleted: 'integer',
      project_id: 'text',
      year: 'integer',
      level_district: 'integer',
      level_city: 'integer',
      level_province: 'integer',
      planned: 'integer',
      done_01: 'integer',
      done_02: 'integer',
      done_03: 'integer',
      done_04: 'integer',
      done_05: 'integer',
      done_06: 'integer',
      done_07: 'integer',
      done_08: 'integer',
      done_09: 'integer',
      done_10: 'integer',
      done_11: 'integer',
      done_12: 'integer',
    },
  },
  activity: {
    columns: {
      deleted: 'integer',
      project_id: 'text',
      investor_id: 'text',
      kind: 'text',
      occurred_on: 'text',
      people: 'text',
      notes: 'text',
    },
  },
  task: {
    columns: {
      deleted: 'integer',
      project_id: 'text',
      title: 'text',
      due_on: 'text',
      done: 'integer',
      done_on: 'text',
      assignee_id: 'text',
      notes: 'text',
    },
  },
  target: {
    columns: {
      deleted: 'integer',
      year: 'integer',
      metric_key: 'text',
      scope: 'text',
      label: 'text',
      guarantee: 'integer',
      strive: 'integer',
      unit: 'text',
      mode: 'text',
      note: 'text',
    },
  },
  target_actual: {
    columns: { deleted: 'integer', target_id: 'text', month: 'integer', value: 'integer' },
  },
  setting: { columns: { deleted: 'integer', value: 'text' } },
  capture: {
    columns: {
      deleted: 'integer',
      captured_on: 'text',
      investor_name: 'text',
      contact_name: 'text',
      phone: 'text',
      wechat: 'text',
      interest: 'text',
      fair_edition: 'text',
      note: 'text',
      status: 'text',
      project_id: 'text',
    },
  },
  dictionary_item: {
    columns: { deleted: 'integer', kind: 'text', label: 'text', sort: 'integer' },
  },
  not_duplicate: {
    columns: { deleted: 'integer', kind: 'text', a_id: 'text', b_id: 'text' },
  },
  claim: {
    columns: {
      deleted: 'integer',
      investor_id: 'text',
      project_id: 'text',
      office_id: 'text',
      promoter_id: 'text',
      claimed_on: 'text',
      reported: 'text',
      role: 'text',
      share: 'integer',
    },
  },
  claim_decision: {
    columns: { deleted: 'integer', claim_id: 'text', note: 'text', decided_on: 'text' },
  },
} as const satisfies Record<string, TableSpec>;

export type SyncedTable = keyof typeof syncedTables;
export const syncedTableNames = Object.keys(syncedTables) as SyncedTable[];

/**
 * The zone's own data, 本部's alone to change (issue 14): targets and their actuals, settings
 * (exchange rates, 落地率 and 五未 rules) and dictionaries. Another office's change to them is
 * kept in the log, relayed, and never applied (db/sync/apply.ts).
 */
export const hqOnlyTables: ReadonlySet<string> = new Set<SyncedTable>([
  'target',
  'target_actual',
  'setting',
  'dictionary_item',
  'claim_decision',
]);

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.hasOwn(syncedTables, name);
}
