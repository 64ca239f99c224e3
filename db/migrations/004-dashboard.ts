// For the 看板: derived columns holding a project's latest actual milestone date and the stage its
// dates give (so the funnel knows in one comparison that a project's stage on as-of is simply
// that stage, and reads it from an index in order), and narrow
// covering indexes, since the project rows are wide (names, notes, search text): one over every
// column the dashboard's conditions use, one to check an arrival's project by id, and one over the
// arrivals of a date range. All local: nothing here is synced.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const milestones = ['signed', 'registered', 'land_supplied', 'started', 'completed', 'producing'];

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('project').addColumn('last_actual_on', 'text').execute();
  await db.schema.alterTable('project').addColumn('dated_stage', 'text').execute();
  const dates = milestones.map((m) => `coalesce(${m}_on, '')`).join(', ');
  const furthest = [...milestones]
    .reverse()
    .map((m) => `WHEN coalesce(${m}_on, '') <> '' THEN '${m}'`)
    .join(' ');
  await sql`UPDATE project SET last_actual_on = nullif(max(${sql.raw(dates)}), ''),
    dated_stage = CASE ${sql.raw(furthest)} WHEN stage = 'lead' THEN 'lead' ELSE 'negotiating' END`.execute(
    db,
  );
  // Partial indexes over live rows; each ends with `deleted` because SQLite counts an index as
  // covering only if it holds every column the query names.
  const live = (name: string, table: string, columns: string[]) =>
    db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns, 'deleted'])
      .where(sql.ref('deleted'), '=', 0)
      .execute();
  const actual = milestones.map((m) => `${m}_on`);
  const planned = milestones.map((m) => `planned_${m}_on`);
  const lifecycle = ['office_id', 'stage', 'terminated_on'];

  // Every column the 看板's conditions read, in signing-date order.
  await live('project_dashboard', 'project', [
    'signed_on',
    'last_actual_on',
    'dated_stage',
    ...lifecycle,
    'tier',
    'total_cny',
    'contracted_fdi_usd',
    'industrial',
    'leader_project',
    'region',
    'owner_id',
    ...actual.slice(1),
    ...planned,
    'id',
  ]);
  // The pipeline by stage and region, read in index order: no sort for the GROUP BY.
  await live('project_pipeline', 'project', [
    'dated_stage',
    'region',
    'last_actual_on',
    ...lifecycle,
    'total_cny',
  ]);
  // The 五未 candidates: the projects between two stages, or with a milestone dated after as-of.
  await live('project_stalled', 'project', [
    'dated_stage',
    'last_actual_on',
    'region',
    ...lifecycle,
    'total_cny',
    ...actual,
    ...planned,
    'id',
  ]);
  // An arrival's project, checked by id.
  await live('project_alive_by_id', 'project', ['id', ...lifecycle]);
  // 开工 and 竣工 in a date range (亿元以上开工/竣工项目).
  for (const milestone of ['started', 'completed']) {
    await live(`project_${milestone}`, 'project', [
      `${milestone}_on`,
      'total_cny',
      ...lifecycle,
      'id',
    ]);
  }
  // Deleted projects, whose arrivals the zone's paid-in figures leave out.
  await db.schema
    .createIndex('project_deleted')
    .on('project')
    .columns(['deleted', 'id'])
    .where(sql.ref('deleted'), '<>', 0)
    .execute();
  await live('capital_arrival_dashboard', 'capital_arrival', [
    'arrived_on',
    'kind',
    'outside_city',
    'currency',
    'amount',
    'project_id',
  ]);
}
