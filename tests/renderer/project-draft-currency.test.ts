// The project form's 总投资 in any currency (issue 17, point 7): 亿元 for 人民币, 万 of the currency
// for the others, sent as the general pair; the same zod bounds as the API (5000亿日元 passes,
// 10^14 日元 does not); a change of currency alone still sends the amount.
import { expect, test } from 'vitest';
import type { ProjectRecord } from '../../domain/project-input';
import { classifyDraft } from '../../renderer/src/project/project-class';
import {
  draftFromRecord,
  emptyDraft,
  inputFromDraft,
} from '../../renderer/src/project/project-draft';
import { checkCreate, checkPatch } from '../../renderer/src/project/project-validation';

const draft = (amount: string, currency: (typeof emptyDraft)['currency']) => ({
  ...emptyDraft,
  name: '日资项目',
  amount,
  currency,
});

test('万 of the currency ↔ whole units; 亿元 for 人民币', () => {
  // 20,000万欧元 = 200,000,000 欧元; 3亿元 = 300,000,000 元.
  expect(inputFromDraft(draft('20000', 'EUR')).values).toMatchObject({
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
  });
  expect(inputFromDraft(draft('3', 'CNY')).values).toMatchObject({
    totalInvestment: 300_000_000,
    investmentCurrency: 'CNY',
  });
  expect(inputFromDraft(draft('', 'EUR')).values).toMatchObject({
    totalInvestment: null,
    investmentCurrency: null,
  });
  const record = {
    ...inputFromDraft(emptyDraft).values,
    totalInvestment: 5_000_000_000,
    investmentCurrency: 'JPY',
    stage: 'lead',
    industrial: false,
    leaderProject: false,
    outsideCity: null,
    contractedFdiUsd: null,
    landAreaMu: null,
  } as unknown as ProjectRecord;
  expect(draftFromRecord(record)).toMatchObject({ amount: '500000', currency: 'JPY' });
  // 500,000万日元 at 0.06 = 300,000,000 元 → 亿元; without the year's rate no 元 figure.
  expect(classifyDraft(draft('500000', 'JPY'), 0.06)).toMatchObject({
    totalCny: 300_000_000,
    tier: 't1_10',
  });
  expect(classifyDraft(draft('500000', 'JPY'), null)).toMatchObject({ totalCny: null, tier: null });
});

test('bounds: 5000亿日元 passes, 10^14 日元 is refused under 总投资', () => {
  // 5000亿日元 = 50,000,000万日元 = 5 × 10^11 日元 (≤ 10^13).
  expect(checkCreate(draft('50000000', 'JPY'))).toMatchObject({
    ok: true,
    input: { totalInvestment: 500_000_000_000, investmentCurrency: 'JPY' },
  });
  // 10,000,000,000万日元 = 10^14 日元: no project is that large.
  expect(checkCreate(draft('10000000000', 'JPY'))).toEqual({
    ok: false,
    errors: { amount: '总投资超出范围' },
  });
  expect(checkCreate(draft('-5', 'EUR'))).toMatchObject({
    ok: false,
    errors: { amount: '总投资不能为负数' },
  });
});

test('a new currency alone sends the amount with it', () => {
  const before = draft('20000', 'EUR');
  const record = { stage: 'lead' } as ProjectRecord;
  expect(checkPatch(record, before, { ...before, currency: 'HKD' })).toEqual({
    ok: true,
    input: { totalInvestment: 200_000_000, investmentCurrency: 'HKD' },
  });
  expect(checkPatch(record, before, { ...before, amount: '' })).toEqual({
    ok: true,
    input: { totalInvestment: null, investmentCurrency: null },
  });
});
