// The quick-capture form's values as typed, the check done before saving (inline, in Chinese), and
// the capture.create input they become: empty fields are left out.
import type { MethodArgs } from '../../../domain/contract';

export interface CaptureDraft {
  investorName: string;
  contactName: string;
  phone: string;
  wechat: string;
  interest: string;
  note: string;
}

export type DraftKey = keyof CaptureDraft;
export type DraftErrors = Partial<Record<DraftKey, string>>;

export const emptyDraft: CaptureDraft = {
  investorName: '',
  contactName: '',
  phone: '',
  wechat: '',
  interest: '',
  note: '',
};

/** The same limits as the server's schema (domain/captures.ts captureCreate). */
export const maxLengths: Record<DraftKey, number> = {
  investorName: 200,
  contactName: 50,
  phone: 50,
  wechat: 50,
  interest: 500,
  note: 2000,
};

export function validateDraft(draft: CaptureDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.investorName.trim() === '') errors.investorName = '请填写投资方（企业名称或简称）';
  return errors;
}

export function captureInput(
  draft: CaptureDraft,
  fairEdition: string,
): MethodArgs<'capture.create'> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    investorName: draft.investorName.trim(),
    contactName: optional(draft.contactName),
    phone: optional(draft.phone),
    wechat: optional(draft.wechat),
    interest: optional(draft.interest),
    note: optional(draft.note),
    fairEdition: optional(fairEdition),
  };
}
