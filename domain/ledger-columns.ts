// The 台账's columns as the screen, saved views and the Excel export name them: every column of the
// exported ledger but 序号 (国别/地区 on screen stands for the export's 国别/地区 and 来源地区).
// 母公司 is the investor's direct parent (the parent investor's name, else the name typed); 城市 the
// project's effective city (its own, else its investor's).

/** The columns a new user sees, in their order. */
export const defaultLedgerColumns = [
  'code',
  'name',
  'investor',
  'region',
  'tier',
  'totalInvestment',
  'contractedFdiUsd',
  'stage',
  'office',
  'owner',
  'signedOn',
] as const;

export const ledgerColumnKeys = [
  ...defaultLedgerColumns,
  'projectCode',
  'investorParent',
  'province',
  'city',
  'ownership',
  'capitalType',
  'industry',
  'industrial',
  'projectType',
  'totalInvestmentUsd',
  'paidInFdiUsd',
  'domesticCapitalCny',
  'landAreaMu',
  'platform',
  'channel',
  'referrer',
  'agent',
  'fairEdition',
  'registeredOn',
  'landSuppliedOn',
  'startedOn',
  'completedOn',
  'producingOn',
  'techApprovedOn',
  'terminatedOn',
  'terminationReason',
  'leaderProject',
  'problems',
  'nextSteps',
  'updatedAt',
] as const;
export type LedgerColumnKey = (typeof ledgerColumnKeys)[number];

/** Columns whose totals over the whole filter are worth their cost only while shown. */
export const optionalSums = [
  'totalInvestmentUsd',
  'paidInFdiUsd',
  'domesticCapitalCny',
  'landAreaMu',
] as const;
export type OptionalSum = (typeof optionalSums)[number];

/** Columns an export of a view always carries, so that re-importing the file finds its projects. */
export const identifyingColumns: readonly LedgerColumnKey[] = ['code', 'name', 'investor'];

export function isLedgerColumnKey(key: string): key is LedgerColumnKey {
  return (ledgerColumnKeys as readonly string[]).includes(key);
}
