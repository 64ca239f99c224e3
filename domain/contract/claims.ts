// 首报首谈 claims and 本部's arbitration between offices (issue 18).
import type { ArbitrationCase, ClaimList, ClaimThresholds, UnclaimedProject } from '../claims';
import { claimAddInput, claimDecideInput, claimListInput, claimThresholds } from '../claims';
import type { DeletionResult } from '../deletion';
import { idInput, method, none } from './method';

export const claimMethods = {
  'claim.add': method<typeof claimAddInput, { id: string }>(claimAddInput),
  'claim.list': method<typeof claimListInput, ClaimList>(claimListInput),
  'claim.arbitration': method<typeof none, ArbitrationCase[]>(none),
  'claim.decide': method<typeof claimDecideInput, { id: string }>(claimDecideInput),
  'claim.delete': method<typeof idInput, DeletionResult>(idInput),
  'claim.thresholds': method<typeof none, ClaimThresholds>(none),
  'claim.setThresholds': method<typeof claimThresholds, ClaimThresholds>(claimThresholds),
  'claim.unclaimed': method<typeof none, UnclaimedProject[]>(none),
};
