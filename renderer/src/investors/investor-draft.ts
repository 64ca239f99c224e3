// The investor form as typed (strings and ticks) and its way to an investor.create / investor.update
// input: aliases split on commas or 、, blanks as null, checked by the domain's zod schema.
import type { InvestorCreate, InvestorRecord } from '../../../domain/entities';
import { investorCreate } from '../../../domain/entities';
import type { InvestorFlag } from '../../../domain/vocabulary';
import { investorFlagKeys } from '../../../domain/vocabulary';

export interface InvestorDraft {
  nameZh: string;
  nameEn: string;
  /** As typed: 西门子、Siemens, SIE */
  aliases: string;
  parentName: string;
  /** ISO code, '' for not given. */
  hqCountry: string;
  /** A province's label (江苏), '' for not given. */
  province: string;
  city: string;
  flags: Record<InvestorFlag, boolean>;
  notes: string;
  /** 统一社会信用代码 as typed (spaces, full-width and lower case are normalised by the schema). */
  creditCode: string;
}

export type DraftField = Exclude<keyof InvestorDraft, 'flags'>;

/** The first message per field, by input key (aliases.3 counts as aliases). */
export type InvestorErrors = Partial<Record<DraftField | InvestorFlag | 'form', string>>;

const noFlags = Object.fromEntries(investorFlagKeys.map((k) => [k, false])) as Record<
  InvestorFlag,
  boolean
>;

export const emptyDraft: InvestorDraft = {
  nameZh: '',
  nameEn: '',
  aliases: '',
  parentName: '',
  hqCountry: '',
  province: '',
  city: '',
  flags: noFlags,
  notes: '',
  creditCode: '',
};

export function draftOf(investor: InvestorRecord): InvestorDraft {
  return {
    nameZh: investor.nameZh,
    nameEn: investor.nameEn ?? '',
    aliases: investor.aliases.join('、'),
    parentName: investor.parentName ?? '',
    hqCountry: investor.hqCountry ?? '',
    province: investor.province ?? '',
    city: investor.city ?? '',
    flags: Object.fromEntries(investorFlagKeys.map((k) => [k, investor[k]])) as Record<
      InvestorFlag,
      boolean
    >,
    notes: investor.notes ?? '',
    creditCode: investor.creditCode ?? '',
  };
}

export function sameInvestorDraft(a: InvestorDraft, b: InvestorDraft): boolean {
  return (
    (Object.keys(a) as (keyof InvestorDraft)[]).every((k) => k === 'flags' || a[k] === b[k]) &&
    investorFlagKeys.every((k) => a.flags[k] === b.flags[k])
  );
}

/** '西门子、Siemens，SIE; 西门子' → ['西门子', 'Siemens', 'SIE'] */
export function splitAliases(text: string): string[] {
  const parts = text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(parts)];
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** Everything the form holds, as the API takes it (not yet validated). */
export function inputOf(draft: InvestorDraft): InvestorCreate {
  return {
    nameZh: draft.nameZh,
    nameEn: orNull(draft.nameEn),
    aliases: splitAliases(draft.aliases),
    parentName: orNull(draft.parentName),
    hqCountry: orNull(draft.hqCountry),
    // A label (江苏): the schema takes it and gives the key.
    province: orNull(draft.province) as InvestorCreate['province'],
    city: orNull(draft.city),
    ...draft.flags,
    notes: orNull(draft.notes),
    creditCode: orNull(draft.creditCode),
  };
}

export type Checked = { ok: true; input: InvestorCreate } | { ok: false; errors: InvestorErrors };

/** 母公司 naming the investor itself (by its Chinese or English name, as the backend links it). */
function ownParent(draft: InvestorDraft): boolean {
  const parent = draft.parentName.trim().toLowerCase();
  return (
    parent !== '' && [draft.nameZh, draft.nameEn].some((n) => n.trim().toLowerCase() === parent)
  );
}

/**
 * Validates with the same schema the backend uses; messages are the schema's Chinese ones. A
 * 母公司 that is the investor itself is refused here already (the backend would: PARENT_CYCLE).
 */
export function checkDraft(draft: InvestorDraft): Checked {
  const parsed = investorCreate.safeParse(inputOf(draft));
  const errors: InvestorErrors = {};
  if (ownParent(draft)) errors.parentName = '母公司不能是该投资方自己';
  if (parsed.success && !errors.parentName) return { ok: true, input: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form') as keyof InvestorErrors;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
