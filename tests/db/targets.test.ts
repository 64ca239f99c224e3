import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { TargetRecord } from '../../domain/targets';
import { expectOk, openTempDb, snapshot } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const list = (year: number) =>
  expectOk(dispatchSync(app, 'target.list', { year })) as TargetRecord[];

describe('targets', () => {
  test('initialisation seeds the 2021 plan with deterministic ids', () => {
    const targets = list(2021);
    expect(targets.find((t) => t.key === 'contracted_fdi')).toMatchObject({
      id: 'target:2021:zone:contracted_fdi',
      guarantee: 700_000_000,
      strive: 800_000_000,
      unit: 'usd',
      mode: 'computed',
    });
    expect(targets.find((t) => t.key === 'gdp_growth')).toMatchObject({
      mode: 'manual',
      unit: 'percent',
    });
    expect(list(2022)).toEqual([]);
  });

  test("a new year's target is created, then edited in place rather than duplicated", () => {
    const input = {
      year: 2022,
      key: 'contracted_fdi',
      label: '合同外资',
      guarantee: 750_000_000,
      strive: null,
      unit: 'usd',
      mode: 'computed',
    };
    expectOk(dispatchSync(app, 'target.upsert', input));
    expectOk(dispatchSync(app, 'target.upsert', { ...input, strive: 850_000_000 }));
    expect(list(2022)).toEqual([
      expect.objectContaining({
        key: 'contracted_fdi',
        guarantee: 750_000_000,
        strive: 850_000_000,
      }),
    ]);
  });

  test('manual actuals are kept per month and can be cleared', () => {
    const id = 'target:2021:zone:gdp_growth';
    expectOk(dispatchSync(app, 'target.setActual', { targetId: id, month: 5, value: 7 }));
    const t = expectOk(
      dispatchSync(app, 'target.setActual', { targetId: id, month: 6, value: 9 }),
    ) as TargetRecord;
    expect(t.actuals).toEqual({ 5: 7, 6: 9 });
    const cleared = expectOk(
      dispatchSync(app, 'target.setActual', { targetId: id, month: 5, value: null }),
    ) as TargetRecord;
    expect(cleared.actuals).toEqual({ 6: 9 });
  });

  test.each([
    [
      { targetId: 'target:2021:zone:gdp_growth', month: 13, value: 1 },
      '月份须在 1–12 之间',
      'VALIDATION',
    ],
    [{ targetId: 'target:2021:zone:gdp_growth', month: 5, value: -1 }, '不能为负数', 'VALIDATION'],
    [{ targetId: 'nope', month: 5, value: 1 }, '记录不存在', 'NOT_FOUND'],
  ])('rejects %j with a Chinese message and writes nothing', (input, message, code) => {
    const before = snapshot(app);
    expect(dispatchSync(app, 'target.setActual', input)).toMatchObject({
      ok: false,
      code,
      message: expect.stringContaining(message),
    });
    expect(snapshot(app)).toEqual(before);
  });
});
