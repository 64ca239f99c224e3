// A setting deleted by another office (a synced delete) comes back when someone types a new value:
// the value takes effect and is written as an undelete, not as an edit of a deleted row (which
// every other replica would flag as an edit after a delete it had not seen).
import { expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { expectOk, openTempDb } from '../helpers';

test('settings.update brings back a deleted rates, 落地率 or 五未 setting', async () => {
  const app = await openTempDb();
  app.transact((tx) => {
    for (const id of ['fx.usd_cny', 'landing.rule', 'stalled.rules'])
      tx.mutate.remove('setting', id);
  });
  const rule = { milestone: 'started', cohort: 'signed_in_year' } as const;
  const stalled = [
    {
      key: 'a',
      label: '签约未开工',
      from: 'signed',
      to: 'started',
      days: 30,
      usePlannedDate: false,
    },
  ] as const;
  const settings = expectOk(
    dispatchSync(app, 'settings.update', {
      usdRates: { '2021': 6.45 },
      landingRule: rule,
      stalledRules: stalled,
    }),
  ) as { usdRates: Record<string, number>; landingRule: unknown; stalledRules: unknown };
  expect(settings.usdRates).toEqual({ '2021': 6.45 });
  expect(settings.landingRule).toEqual(rule);
  expect(settings.stalledRules).toEqual(stalled);
  const last = app.sqlite
    .prepare(
      "SELECT tbl, row_id, fields FROM sync_change WHERE tbl = 'setting' ORDER BY seq DESC LIMIT 3",
    )
    .all() as { fields: string }[];
  for (const change of last) expect(JSON.parse(change.fields)).toMatchObject({ deleted: 0 });
  app.close();
});
