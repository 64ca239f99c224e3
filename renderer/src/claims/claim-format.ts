// How a 首报首谈 claim reads on screen: the office by its label, the promoter, the date, the role
// with a referrer's or agent's share, and whose claim holds its subject and why.
import type { Claim, ClaimHolder } from '../../../domain/claims';
import { claimRoleLabels } from '../../../domain/claims';
import { offices } from '../../../domain/vocabulary';

/** The office's label (上海) from its stored key (shanghai); an office added later by its key. */
export function officeLabel(key: string | null): string {
  if (!key) return '（未填驻点）';
  return offices.find((o) => o.key === key)?.label ?? key;
}

/** 以商引商 30% / 首报首谈. */
export function roleText(claim: Pick<Claim, 'role' | 'share'>): string {
  const label = claimRoleLabels[claim.role];
  return claim.role === 'holder' || claim.share === null ? label : `${label} ${claim.share}%`;
}

/** 上海 · 王晓明: who made the claim. */
export function claimantText(claim: Pick<Claim, 'officeId' | 'promoterName'>): string {
  return `${officeLabel(claim.officeId)} · ${claim.promoterName ?? '（未填招商人员）'}`;
}

/** Why the holder holds: first by the zone's clock, or 本部's decision. */
export function holderReason(holder: Pick<ClaimHolder, 'by'>): string {
  return holder.by === 'decided' ? '本部认定' : '按分区时钟最先报送';
}
