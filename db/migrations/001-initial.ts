// The first schema: every synced table (STRICT, TEXT key, `deleted` flag, no enforced foreign keys,
// no UNIQUE beyond the key; see docs/sync.md S1) and the local change log. Frozen once released:
// later changes are new, additive migrations.
import { sql } from 'kysely';
import type { Kysely, CreateTableBuilder } from 'kysely';

type Col = [name: string, type: 'text' | 'integer' | 'real'];

const milestones = ['signed', 'registered', 'land_supplied', 'started', 'completed', 'producing'];

const tables: Record<string, Col[]> = {
  office: [
    ['name', 'text'],
    ['sort', 'integer'],
  ],
  promoter: [
    ['name', 'text'],
    ['office_id', 'text'],
    ['active', 'integer'],
  ],
  investor: [
    ['name_zh', 'text'],
    ['name_en', 'text'],
    ['aliases', 'text'],
    ['parent_name', 'text'],
    ['parent_investor_id', 'text'],
    ['hq_country', 'text'],
    ['fortune500', 'integer'],
    ['china100', 'integer'],
    ['central_soe', 'integer'],
    ['listed', 'integer'],
    ['well_known', 'integer'],
    ['notes', 'text'],
  ],
  contact: [
    ['investor_id', 'text'],
    ['project_id', 'text'],
    ['name', 'text'],
    ['title', 'text'],
    ['phone', 'text'],
    ['wechat', 'text'],
    ['email', 'text'],
    ['notes', 'text'],
  ],
  project: [
    ['code', 'text'],
    ['name', 'text'],
    ['investor_id', 'text'],
    ['country', 'text'],
    ['province', 'text'],
    ['ownership', 'text'],
    ['capital_type', 'text'],
    ['project_type', 'text'],
    ['industrial', 'integer'],
    ['industry', 'text'],
    ['platform', 'text'],
    ['channel', 'text'],
    ['referrer', 'text'],
    ['agent', 'text'],
    ['fair_edition', 'text'],
    ['office_id', 'text'],
    ['owner_id', 'text'],
    ['total_investment', 'integer'],
    ['investment_currency', 'text'],
    ['contracted_fdi_usd', 'integer'],
    ['land_area_mu', 'real'],
    ['stage', 'text'],
    ['terminated_on', 'text'],
    ['termination_reason', 'text'],
    ['problems', 'text'],
    ['next_steps', 'text'],
    ['leader_project', 'integer'],
    ...milestones.flatMap((m): Col[] => [
      [`${m}_on`, 'text'],
      [`planned_${m}_on`, 'text'],
    ]),
    // Derived locally from the columns above (and settings); never synced.
    ['region', 'text'],
    ['tier', 'text'],
    ['total_cny', 'integer'],
    ['search_text', 'text'],
    ['investor_name', 'text'],
    ['owner_name', 'text'],
    ['updated_at', 'text'],
  ],
  capital_arrival: [
    ['project_id', 'text'],
    ['arrived_on', 'text'],
    ['amount', 'integer'],
    ['currency', 'text'],
    ['kind', 'text'],
    ['outside_city', 'integer'],
    ['notes', 'text'],
  ],
  activity: [
    ['project_id', 'text'],
    ['investor_id', 'text'],
    ['kind', 'text'],
    ['occurred_on', 'text'],
    ['people', 'text'],
    ['notes', 'text'],
  ],
  task: [
    ['project_id', 'text'],
    ['title', 'text'],
    ['due_on', 'text'],
    ['done', 'integer'],
    ['done_on', 'text'],
    ['assignee_id', 'text'],
    ['notes', 'text'],
  ],
  target: [
    ['year', 'integer'],
    ['metric_key', 'text'],
    ['scope', 'text'],
    ['label', 'text'],
    ['guarantee', 'integer'],
    ['strive', 'integer'],
    ['unit', 'text'],
    ['mode', 'text'],
    ['note', 'text'],
  ],
  target_actual: [
    ['target_id', 'text'],
    ['month', 'integer'],
    ['value', 'integer'],
  ],
  setting: [['value', 'text']],
  dictionary_item: [
    ['kind', 'text'],
    ['label', 'text'],
    ['sort', 'integer'],
  ],
};

const strict = <T extends CreateTableBuilder<string, never>>(t: T) => t.modifyEnd(sql`STRICT`);

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, cols] of Object.entries(tables)) {
    let t = db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0));
    for (const [col, type] of cols) t = t.addColumn(col, type);
    await strict(t).execute();
  }

  const index = (table: string, cols: string[]) =>
    db.schema
      .createIndex(`${table}_${cols.join('_')}`)
      .on(table)
      .columns(cols)
      .execute();
  await index('project', ['investor_id']);
  await index('project', ['owner_id']);

  // The ledger over live projects: one covering index answers every filter and the totals without
  // touching the wide rows; one index per sort key serves ORDER BY ... LIMIT.
  const live = (name: string, cols: string[]) =>
    db.schema
      .createIndex(name)
      .on('project')
      .columns(cols)
      .where(sql.ref('deleted'), '=', 0)
      .execute();
  await live('project_ledger_filter', [
    'region',
    'tier',
    'stage',
    'office_id',
    'industry',
    'channel',
    'signed_on',
    'owner_name',
    'total_cny',
    'contracted_fdi_usd',
    'search_text',
  ]);
  await live('project_ledger_amounts', ['total_cny', 'contracted_fdi_usd']);
  for (const col of [
    'code',
    'name',
    'investor_name',
    'contracted_fdi_usd',
    'stage',
    'office_id',
    'owner_name',
    'industry',
    'signed_on',
    'updated_at',
  ]) {
    await live(`project_sort_${col}`, [col]);
  }
  await index('contact', ['investor_id']);
  await index('contact', ['project_id']);
  await index('capital_arrival', ['project_id']);
  await index('capital_arrival', ['arrived_on']);
  await index('activity', ['project_id']);
  await index('task', ['project_id']);
  await index('task', ['due_on']);
  await index('target', ['year']);
  await index('target_actual', ['target_id']);

  // Local sync state (docs/sync.md S2-S4): never exported as rows.
  await strict(
    db.schema
      .createTable('sync_meta')
      .addColumn('key', 'text', (c) => c.primaryKey().notNull())
      .addColumn('value', 'text', (c) => c.notNull()),
  ).execute();
  // What this replica holds of each origin's changes (its version vector).
  await strict(
    db.schema
      .createTable('sync_vv')
      .addColumn('origin', 'text', (c) => c.primaryKey().notNull())
      .addColumn('max_seq', 'integer', (c) => c.notNull()),
  ).execute();
  // One change per written row: fields = {column: value}, prev = {column: hlc the author saw}.
  await strict(
    db.schema
      .createTable('sync_change')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('tbl', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('prev', 'text', (c) => c.notNull())
      .addColumn('author', 'text')
      .addPrimaryKeyConstraint('sync_change_pk', ['origin', 'seq']),
  ).execute();
  await db.schema
    .createIndex('sync_change_row')
    .on('sync_change')
    .columns(['tbl', 'row_id'])
    .execute();
}
