// JSON kept in synced text columns (investor aliases, the settings) is read leniently: a row that
// holds bad JSON anyway (written by an older version, or before sync import checked values) makes
// no screen fail. The bad values are written straight into a real database file by a connection
// of its own, which has no mutation guard, then the app opens the file again.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { defaultLandingRule, defaultStalledRules } from '../../seeds/dictionaries';
import { expectOk, tempDir } from '../helpers';

const open: AppDatabase[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

const call = <T>(app: AppDatabase, method: string, input?: unknown) =>
  expectOk(dispatchSync(app, method, input)) as T;

/** A database with an investor and its USD project, the investor's aliases and settings then overwritten. */
async function withStored(aliases: string | null, settings: Record<string, string>) {
  const file = join(tempDir('zs-stored-json-'), 'crm.sqlite');
  const first = await openAppDatabase(file);
  call(first, 'app.init', { user: '张三', office: '上海' });
  const investor = call<{ id: string }>(first, 'investor.create', {
    nameZh: '德国某某集团',
    aliases: ['某某'],
  });
  const project = call<{ id: string }>(first, 'project.create', {
    name: '某某项目',
    investor: '德国某某集团',
    totalInvestmentUsd: 100_000_000,
    signedOn: '2021-03-01',
    stage: 'signed',
  });
  first.close();

  const raw = new Database(file);
  raw.prepare('UPDATE investor SET aliases = ? WHERE id = ?').run(aliases, investor.id);
  for (const [id, value] of Object.entries(settings)) {
    raw.prepare('UPDATE setting SET value = ? WHERE id = ?').run(value, id);
  }
  raw.close();

  const app = await openAppDatabase(file);
  open.push(app);
  return { app, investorId: investor.id, projectId: project.id };
}

describe('bad JSON in stored text columns', () => {
  test.each([
    ['not JSON', '甲, 乙', []],
    ['a JSON object', '{"0":"甲"}', []],
    ['a JSON string', '"甲"', []],
    ['JSON null', 'null', []],
    ['empty text', '', []],
    ['numbers among the names', '[1,"甲",null]', ['甲']],
  ])('investor aliases %s: list, get, 撞单, update, projects, delete', async (_, bad, read) => {
    const { app, investorId, projectId } = await withStored(bad, {});
    const listed = call<{ id: string; aliases: string[] }[]>(app, 'investor.list', {});
    expect(listed.find((i) => i.id === investorId)?.aliases).toEqual(read);
    expect(call<{ aliases: string[] }>(app, 'investor.get', { id: investorId }).aliases).toEqual(
      read,
    );
    const similar = call<{ id: string }[]>(app, 'investor.similar', { name: '德国某某集团' });
    expect(similar.map((s) => s.id)).toEqual([investorId]);
    // A rename refreshes its projects' derived columns, which read the aliases.
    call(app, 'investor.update', { id: investorId, patch: { nameZh: '德国某某集团（改）' } });
    const second = call<{ id: string }>(app, 'project.create', {
      name: '二期',
      investor: '德国某某集团（改）',
    });
    call(app, 'project.update', { id: projectId, patch: { problems: '用地' } });
    expect(
      call<{ totals: { count: number } }>(app, 'ledger.query', { q: '某某' }).totals.count,
    ).toBeGreaterThan(0);
    call(app, 'investor.update', { id: investorId, patch: { aliases: ['新简称'] } });
    expect(call<{ aliases: string[] }>(app, 'investor.get', { id: investorId }).aliases).toEqual([
      '新简称',
    ]);
    // An investor goes only without projects (db/services/deletion.ts).
    for (const id of [projectId, second.id]) call(app, 'project.delete', { id });
    call(app, 'investor.delete', { id: investorId });
  });

  test('settings that are not JSON, or not their rule, read as the defaults', async () => {
    const { app, projectId } = await withStored('["某某"]', {
      'fx.usd_cny': 'seven',
      'landing.rule': '{"milestone":"licensed"}',
      'stalled.rules': '[',
    });
    const settings = call<{
      usdRates: Record<string, number>;
      landingRule: unknown;
      stalledRules: unknown;
    }>(app, 'settings.get');
    expect(settings.usdRates).toEqual({});
    expect(settings.landingRule).toEqual(defaultLandingRule);
    expect(settings.stalledRules).toEqual(defaultStalledRules);
    // Amounts in USD are not converted at any made-up rate: no 元 amount, and the 看板 (which
    // still answers, as the ledger does) names the missing rate.
    const project = call<{ totalInvestmentCnyEquivalent: number | null }>(app, 'project.update', {
      id: projectId,
      patch: { totalInvestmentUsd: 200_000_000, signedOn: '2021-03-01' },
    });
    expect(project.totalInvestmentCnyEquivalent).toBeNull();
    const board = call<{ missingRates: { currency: string }[] }>(app, 'dashboard.get', {
      year: 2021,
    });
    expect(board.missingRates.map((m) => m.currency)).toEqual(['USD']);
    call(app, 'ledger.query', {});
    // Saving a rate writes a good value again.
    call(app, 'settings.update', { usdRates: { '2021': 6.45 } });
    expect(call<{ usdRates: Record<string, number> }>(app, 'settings.get').usdRates).toEqual({
      '2021': 6.45,
    });
  });
});
