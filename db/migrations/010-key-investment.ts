// Issue 17, key-project investment: a synced table with one row per project and year (区重点 / 市级
// / 省级 flags, 年度计划投资 and 完成投资 by month, in 元), and the 技改 approval date on the
// project (技改 is a new project type, a vocabulary key needing no schema).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

const months = Array.from({ length: 12 }, (_, i) => `done_${String(i + 1).padStart(2, '0')}`);

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('project').addColumn('tech_approved_on', 'text').execute();
  let table = db.schema
    .createTable('key_investment')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('project_id', 'text')
    .addColumn('year', 'integer')
    .addColumn('level_district', 'integer')
    .addColumn('level_city', 'integer')
    .addColumn('level_province', 'integer')
    .addColumn('planned', 'integer');
  for (const m of months) table = table.addColumn(m, 'integer');
  await table.modifyEnd(sql`STRICT`).execute();
  // The 看板 reads a year's rows; the project page a project's.
  await db.schema
    .createIndex('key_investment_year')
    .on('key_investment')
    .columns(['year', 'deleted'])
    .execute();
  await db.schema
    .createIndex('key_investment_project_id')
    .on('key_investment')
    .column('project_id')
    .execute();
  // 新批技改项目 by approval date.
  await db.schema
    .createIndex('project_tech_approved_on')
    .on('project')
    .columns(['tech_approved_on', 'deleted'])
    .where(sql.ref('tech_approved_on'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP TABLE key_investment',
    'DROP INDEX project_tech_approved_on',
    'ALTER TABLE project DROP COLUMN tech_approved_on',
  ]);
}
