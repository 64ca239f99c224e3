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

  test('a new year starts as a copy of the last: every scope, no monthly actuals', () => {
    expectOk(
      dispatchSync(app, 'target.upsert', {
        year: 2021,
        key: 'contracted_fdi',
        scope: 'shanghai',
        label: '合同外资',
        guarantee: 200_000_000,
        strive: null,
        unit: 'usd',
        mode: 'computed',
      }),
    );
    const gdp = 'target:2021:zone:gdp_growth';
    expectOk(dispatchSync(app, 'target.setActual', { targetId: gdp, month: 3, value: 7 }));
    const copied = expectOk(
      dispatchSync(app, 'target.copyYear', { from: 2021, to: 2022 }),
    ) as TargetRecord[];
    const source = list(2021);
    expect(copied).toHaveLength(source.length);
    expect(copied.map((t) => [t.scope, t.key, t.guarantee, t.strive, t.unit, t.mode])).toEqual(
      source.map((t) => [t.scope, t.key, t.guarantee, t.strive, t.unit, t.mode]),
    );
    expect(copied.find((t) => t.scope === 'shanghai')).toMatchObject({
      id: 'target:2022:shanghai:contracted_fdi',
      year: 2022,
      guarantee: 200_000_000,
    });
    expect(copied.every((t) => Object.keys(t.actuals).length === 0)).toBe(true);
    // The source year is untouched.
    expect(list(2021).find((t) => t.id === gdp)?.actuals).toEqual({ 3: 7 });
  });

  test.each([
    [{ from: 2020, to: 2022 }, '2020 年没有可复制的目标'],
    [{ from: 2021, to: 2021 }, '来源年份与目标年份相同'],
    [{ from: 2021, to: 1999 }, '年份无效'],
  ])('copyYear %j is refused with a Chinese message and writes nothing', (input, message) => {
    const before = snapshot(app);
    expect(dispatchSync(app, 'target.copyYear', input)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining(message),
    });
    expect(snapshot(app)).toEqual(before);
  });

  test('copyYear refuses a year that already has targets, leaving them as they are', () => {
    expectOk(dispatchSync(app, 'target.copyYear', { from: 2021, to: 2022 }));
    const before = snapshot(app);
    expect(dispatchSync(app, 'target.copyYear', { from: 2021, to: 2022 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('2022 年已有目标，不能复制覆盖'),
    });
    expect(snapshot(app)).toEqual(before);
  });
});
