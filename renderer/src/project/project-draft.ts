// The project form's state: every field as the user sees and types it (amounts in 亿元, 万美元 or 万 of
// another currency,
// dates as text, vocabulary entries by their Chinese label), how a saved record becomes a draft,
// and how a draft becomes the API's input (whole 元 / 美元, ISO dates, null for empty).
import type { ActualKey, PlannedKey, Stage } from '../../../domain/lifecycle';
import { milestones } from '../../../domain/lifecycle';
import { projectTextKeys } from '../../../domain/project-input';
import type { ProjectRecord } from '../../../domain/project-input';
import type { AnyCurrency } from '../../../domain/currencies';
import { usdToWan, wanToUnits, yiToYuan, yuanToYi } from '../../../domain/money';

export type DateKey = ActualKey | PlannedKey;
export const dateKeys: readonly DateKey[] = milestones.flatMap((m) => [m.plannedKey, m.actualKey]);

/** 亿元 for an amount in RMB; 万 of the currency for the others (万美元, 万欧元, 万日元 …). */
export type AmountCurrency = AnyCurrency;

const textKeys = [...projectTextKeys, 'investor', 'office', 'owner'] as const;
type TextKey = (typeof textKeys)[number];

export type ProjectDraft = Record<TextKey | DateKey, string> & {
  /** Total investment as typed, in 亿元 (CNY) or 万 of its currency (万美元, 万欧元 …). */
  amount: string;
  currency: AmountCurrency;
  /** 合同外资 as typed, in 万美元. */
  contractedFdi: string;
  landAreaMu: string;
  stage: Stage;
  industrial: boolean;
  leaderProject: boolean;
  /** The project's 市外内资 override as chosen: '' follows the city, else 市外 or 市内. */
  outsideCity: '' | '市外' | '市内';
  /**
   * The investor on record the project is under (its saved one, or one chosen with the 撞单
   * warning's 使用此投资方); '' once another name is typed, which the backend finds or creates.
   */
  investorId: string;
};

/** The form's field keys: a draft key, or the stage picker. Errors are keyed by these. */
export type DraftKey = keyof ProjectDraft;

export const emptyDraft: ProjectDraft = {
  ...(Object.fromEntries([...textKeys, ...dateKeys].map((k) => [k, ''])) as Record<
    TextKey | DateKey,
    string
  >),
  amount: '',
  currency: 'CNY',
  contractedFdi: '',
  landAreaMu: '',
  stage: 'lead',
  industrial: false,
  leaderProject: false,
  outsideCity: '',
  investorId: '',
};

/** Up to 6 decimals, no grouping: what an input shows for a stored amount. */
function plainNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

export function draftFromRecord(r: ProjectRecord): ProjectDraft {
  const draft: ProjectDraft = { ...emptyDraft };
  for (const key of [...textKeys, ...dateKeys]) {
    const value = (r as unknown as Record<string, unknown>)[key];
    draft[key] = typeof value === 'string' ? value : '';
  }
  if (r.totalInvestment !== null && r.investmentCurrency !== null) {
    draft.currency = r.investmentCurrency;
    draft.amount = plainNumber(
      r.investmentCurrency === 'CNY' ? yuanToYi(r.totalInvestment) : usdToWan(r.totalInvestment),
    );
  }
  draft.contractedFdi =
    r.contractedFdiUsd === null ? '' : plainNumber(usdToWan(r.contractedFdiUsd));
  draft.landAreaMu = r.landAreaMu === null ? '' : plainNumber(r.landAreaMu);
  draft.stage = r.stage;
  draft.industrial = r.industrial;
  draft.leaderProject = r.leaderProject;
  draft.outsideCity = r.outsideCity === null ? '' : r.outsideCity ? '市外' : '市内';
  draft.investorId = r.investorId ?? '';
  return draft;
}

/** '1,234.5' → 1234.5; '' → null; anything else that is not a number → NaN. */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/[,，\s]/g, '')
    .replace(/^＋/, '+')
    .replace(/^[－—]/, '-');
  if (cleaned === '') return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/**
 * Dates as people type them — 2021-6-12, 2021/6/12, 2021.6.12, 2021年6月12日, 20210612 — as ISO
 * yyyy-mm-dd. Anything else comes back unchanged (trimmed), for validation to reject.
 */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!parts) return t;
  const [, y, m, d] = parts;
  return `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
}

/** Empty text is "no value". */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export interface DraftInput {
  /** API-shaped values: whole 元 / 美元, ISO dates, null for empty. Unparsed numbers are left out. */
  values: Record<string, unknown>;
  /** Numbers the user typed that are not numbers, by draft key. */
  errors: Partial<Record<DraftKey, string>>;
}

export function inputFromDraft(d: ProjectDraft): DraftInput {
  const values: Record<string, unknown> = {};
  const errors: Partial<Record<DraftKey, string>> = {};
  for (const key of textKeys) values[key] = orNull(d[key]);
  values.name = d.name.trim();
  for (const key of dateKeys) values[key] = d[key].trim() === '' ? null : normalizeDate(d[key]);
  values.terminatedOn = d.terminatedOn.trim() === '' ? null : normalizeDate(d.terminatedOn);
  values.techApprovedOn = d.techApprovedOn.trim() === '' ? null : normalizeDate(d.techApprovedOn);

  const amount = parseNumber(d.amount);
  if (Number.isNaN(amount)) {
    errors.amount = '总投资须为数字';
  } else {
    // Always the general pair, so that a change of amount or currency alone is seen.
    values.totalInvestment =
      amount === null ? null : d.currency === 'CNY' ? yiToYuan(amount) : wanToUnits(amount);
    values.investmentCurrency = amount === null ? null : d.currency;
  }
  const fdi = parseNumber(d.contractedFdi);
  if (Number.isNaN(fdi)) errors.contractedFdi = '合同外资须为数字';
  else values.contractedFdiUsd = fdi === null ? null : wanToUnits(fdi);
  const land = parseNumber(d.landAreaMu);
  if (Number.isNaN(land)) errors.landAreaMu = '用地（亩）须为数字';
  else values.landAreaMu = land;

  values.stage = d.stage;
  values.industrial = d.industrial;
  values.leaderProject = d.leaderProject;
  values.outsideCity = d.outsideCity === '' ? null : d.outsideCity === '市外';
  // An investor on record goes by its id (and not also by name, which the schema refuses); a typed
  // name alone is found or created by name.
  if (d.investorId !== '') {
    values.investorId = d.investorId;
    delete values.investor;
  }
  return { values, errors };
}

/** The API keys whose values differ between two inputs. */
export function changedKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return Object.keys(after).filter((k) => !Object.is(before[k] ?? null, after[k] ?? null));
}

/** The draft key an API key's value comes from (every 总投资 key is the one 总投资 field). */
export function draftKeyOf(apiKey: string): DraftKey | null {
  if (
    apiKey === 'totalInvestmentCny' ||
    apiKey === 'totalInvestmentUsd' ||
    apiKey === 'totalInvestment' ||
    apiKey === 'investmentCurrency'
  )
    return 'amount';
  if (apiKey === 'contractedFdiUsd') return 'contractedFdi';
  if (apiKey === 'investorId') return 'investor';
  return apiKey in emptyDraft ? (apiKey as DraftKey) : null;
}

export function sameDraft(a: ProjectDraft, b: ProjectDraft): boolean {
  return (Object.keys(a) as DraftKey[]).every((k) => a[k] === b[k]);
}
