// 首报首谈 (issue 18): who first reported an investor or project. Holder claims on one subject are
// ordered by the zone clock (hlc) of the change that created them, identical at every replica, and
// the earliest holds the subject unless 本部 decided otherwise (a claim_decision row); a later holder
// claim from another office goes to 本部's arbitration list. Referrer (以商引商) and agent (委托)
// claims carry a share in percent, shown beside the holder's credit.
import { z } from 'zod';
import { isoDate, recordId, text } from './fields';

export const claimRoles = ['holder', 'referrer', 'agent'] as const;
export type ClaimRole = (typeof claimRoles)[number];
export const claimRoleLabels: Record<ClaimRole, string> = {
  holder: '首报首谈',
  referrer: '以商引商',
  agent: '委托招商',
};

export const MAX_REPORTED = 2000;

const role = z.enum(claimRoles, { error: '角色无效，可选：holder、referrer、agent' });
const share = z
  .number({ error: '分成比例须为数字' })
  .int('分成比例须为整数')
  .min(0, '分成比例不能小于 0')
  .max(100, '分成比例不能大于 100');

export const claimAddInput = z
  .strictObject({
    investorId: recordId('投资方').optional(),
    projectId: recordId('项目').optional(),
    officeId: text('驻点', 40).optional(),
    promoterId: recordId('招商人员').optional(),
    claimedOn: isoDate('首报日期').optional(),
    reported: text('报送内容', MAX_REPORTED).min(1, '报送内容不能为空'),
    role: role.default('holder'),
    share: share.optional(),
  })
  .refine((c) => (c.investorId === undefined) !== (c.projectId === undefined), {
    error: '投资方与项目须填且只填一个',
  })
  .refine((c) => c.role === 'holder' || c.share !== undefined, {
    error: '以商引商、委托招商须填分成比例',
  });

export const claimListInput = z.strictObject({
  subjectId: recordId('投资方或项目').optional(),
});
export const claimDecideInput = z.strictObject({
  claimId: recordId('认定的首报记录'),
  note: text('说明', MAX_REPORTED).optional(),
  decidedOn: isoDate('认定日期').optional(),
});

/** 本部's thresholds over which a project must have a holder claim (setting claims.thresholds). */
export const claimThresholds = z.strictObject({
  /** Industrial projects' total investment, in 元 (10亿元). */
  industrialCny: z.number().int().min(0),
  /** Foreign projects' contracted FDI, in 美元 (1000万美元). */
  foreignUsd: z.number().int().min(0),
});
export type ClaimThresholds = z.output<typeof claimThresholds>;
export const defaultClaimThresholds: ClaimThresholds = {
  industrialCny: 1_000_000_000,
  foreignUsd: 10_000_000,
};

export interface UnclaimedProject {
  id: string;
  name: string;
  totalCny: number | null;
  contractedFdiUsd: number | null;
}

export interface Claim {
  id: string;
  subjectId: string;
  subjectKind: 'investor' | 'project';
  officeId: string | null;
  promoterId: string | null;
  promoterName: string | null;
  claimedOn: string | null;
  reported: string | null;
  role: ClaimRole;
  share: number | null;
  /** The hlc of the change that created it: the zone's order of claims. */
  hlc: string;
}

export interface ClaimHolder {
  subjectId: string;
  claimId: string;
  officeId: string | null;
  promoterId: string | null;
  /** 'first': earliest holder claim by zone clock; 'decided': 本部's decision. */
  by: 'first' | 'decided';
}

export interface ArbitrationSide extends Claim {
  projects: number;
  activities: number;
}

export interface ArbitrationCase {
  subjectId: string;
  subjectKind: 'investor' | 'project';
  holder: ArbitrationSide;
  challengers: ArbitrationSide[];
}

export interface ClaimList {
  claims: Claim[];
  holders: ClaimHolder[];
  arbitration: ArbitrationCase[];
}
