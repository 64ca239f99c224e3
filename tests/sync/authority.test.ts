// 本部's data (targets, settings, dictionaries) across offices (issue 14, point 3): an office laptop
// cannot write it; a change to it signed by an office is kept and relayed but applied nowhere, named
// in the import report, while the rest of its file applies; 本部's own changes apply everywhere.
import { afterAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { LedgerPage } from '../../domain/ledger';
import type { SyncImportReport } from '../../domain/sync';
import { tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterAll(() => open.forEach((r) => r.app.close()));

async function replica(office: string, options: { solo?: boolean } = {}) {
  const r = await openReplica(office, options);
  open.push(r);
  return r;
}

const target = {
  year: 2021,
  key: 'fdi_contracted',
  label: '合同外资',
  guarantee: 1,
  strive: 2,
  unit: 'usd',
  mode: 'computed',
} as const;

const targetRow = (r: Replica) =>
  r.app.sqlite
    .prepare(
      "SELECT guarantee, strive FROM target WHERE metric_key = 'fdi_contracted' AND year = 2021 AND scope = 'zone'",
    )
    .get() as { guarantee: number; strive: number };

describe('本部 data (issue 14, point 3)', () => {
  test('an office laptop cannot change targets, settings or dictionaries', async () => {
    const sh = await replica('上海');
    const before = dump(sh);
    for (const [method, input] of [
      ['target.upsert', target],
      ['settings.update', { usdRates: { 2021: 6.3 } }],
      ['dictionary.add', { kind: 'platform', label: '新平台' }],
    ] as const) {
      expect(dispatchSync(sh.app, method, input)).toMatchObject({ ok: false, code: 'HQ_ONLY' });
    }
    expect(dump(sh)).toEqual(before);
    // A laptop alone in its zone is its own 本部.
    const solo = await replica('北京', { solo: true });
    expect(dispatchSync(solo.app, 'target.upsert', target)).toMatchObject({ ok: true });
  });

  test("an office's change to a target is relayed but applied nowhere; the rest of its file applies", async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    const dir = tempDir();
    await importInto(sh, (await exportTo(hq, dir, { full: true })).file);
    const agreed = targetRow(sh);
    // An older or altered app on 上海 writes a target anyway (the local check bypassed).
    sh.app.setMeta('zone_role', 'hq');
    call(sh, 'target.upsert', { ...target, guarantee: 999_999, strive: 999_999 });
    sh.app.setMeta('zone_role', 'office');
    call(sh, 'project.create', { name: '上海新项目' });

    const report: SyncImportReport = await importInto(
      hq,
      (await exportTo(sh, dir, { for: '本部' })).file,
    );
    expect(report.refused).toBe(1);
    expect(report.warnings.join('\n')).toContain(
      '上海 修改了 1 条年度目标，这些数据由本部维护，未采用',
    );
    expect(targetRow(hq)).toEqual(agreed);
    expect(call<LedgerPage>(hq, 'ledger.query', { q: '上海新项目' }).totals.count).toBe(1);

    // Relayed through 本部 to 北京, it is refused there too: every office agrees on 本部's data.
    const relayed = await importInto(bj, (await exportTo(hq, dir, { full: true })).file);
    expect(relayed.refused).toBe(1);
    expect(targetRow(bj)).toEqual(agreed);
    expect(dump(bj).target).toEqual(dump(hq).target);

    // 本部's own change applies everywhere, over 上海's newer one.
    call(hq, 'target.upsert', { ...target, guarantee: 5, strive: 6 });
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    await importInto(bj, (await exportTo(hq, dir, { for: '北京' })).file);
    for (const r of [hq, sh, bj]) expect(targetRow(r)).toEqual({ guarantee: 5, strive: 6 });
  });
});
