// 首报首谈 (issue 18, docs/domain.md): claims on an investor or project, who holds each subject, and
// 本部's arbitration list. The order of holder claims is the hlc of the change that created each
// claim row in sync_change, the same at every replica whatever order files arrive in; 本部's
// claim_decision for a subject overrides it until a claim made after the decision reopens it.
import type {
  ArbitrationCase,
  ArbitrationSide,
  Claim,
  ClaimHolder,
  ClaimList,
  ClaimRole,
  ClaimThresholds,
  UnclaimedProject,
} from '../../domain/claims';
import type { claimAddInput, claimDecideInput } from '../../domain/claims';
import { claimThresholds, defaultClaimThresholds } from '../../domain/claims';
import type { z } from 'zod';
import { todayIso } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import type { Tx } from '../app-database';
import { refuseMergedAway, survivors } from '../merges';
import { readMeta } from '../replica-identity';
import { settledStampSql } from '../sync/settled';
import { settingIds } from '../../domain/stored-values';

interface ClaimRow {
  id: string;
  investor_id: string | null;
  project_id: string | null;
  office_id: string | null;
  promoter_id: string | null;
  promoter_name: string | null;
  claimed_on: string | null;
  reported: string | null;
  role: ClaimRole;
  share: number | null;
  hlc: string | null;
}

function readClaims(tx: Tx, subjectId?: string): Claim[] {
  // The creating change is the claim row's earliest one in the log.
  const rows = tx.sql
    .prepare(
      `SELECT c.id, c.investor_id, c.project_id, c.office_id, c.promoter_id, p.name AS promoter_name,
         c.claimed_on, c.reported, c.role, c.share,
         coalesce((SELECT MIN(s.hlc) FROM sync_change s WHERE s.tbl = 'claim' AND s.row_id = c.id),
           ${settledStampSql('claim', 'c.id', 'hlc')}) AS hlc
       FROM claim c LEFT JOIN promoter p ON p.id = c.promoter_id
       WHERE c.deleted = 0 ${subjectId ? 'AND (c.investor_id = ? OR c.project_id = ?)' : ''}`,
    )
    .all(...(subjectId ? [subjectId, subjectId] : [])) as ClaimRow[];
  return rows
    .map((r) => ({
      id: r.id,
      subjectId: (r.investor_id ?? r.project_id)!,
      subjectKind: r.investor_id ? ('investor' as const) : ('project' as const),
      officeId: r.office_id,
      promoterId: r.promoter_id,
      promoterName: r.promoter_name,
      claimedOn: r.claimed_on,
      reported: r.reported,
      role: r.role,
      share: r.share,
      hlc: r.hlc ?? '',
    }))
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1));
}

interface Decision {
  claimId: string;
  hlc: string;
}

/** 本部's standing decision for each subject; read once and passed to subjectHolder for many. */
export type ClaimDecisions = Map<string, Decision>;

export function readDecisions(tx: Tx): ClaimDecisions {
  const rows = tx.sql
    .prepare(
      `SELECT d.id, d.claim_id AS claimId,
         coalesce(
           (SELECT MAX(s.hlc) FROM sync_change s WHERE s.tbl = 'claim_decision' AND s.row_id = d.id),
           ${settledStampSql('claim_decision', 'd.id', 'hlc')}) AS hlc
       FROM claim_decision d WHERE d.deleted = 0`,
    )
    .all() as { id: string; claimId: string; hlc: string | null }[];
  // A decision on a merged-away subject holds its survivor, whose claims it now has: else the
  // office that lost the decision could undo it by a merge. Of several, the latest holds.
  const survivor = [survivors(tx.sql, 'investor'), survivors(tx.sql, 'project')];
  const decisions = new Map<string, Decision>();
  for (const r of rows) {
    const subject = survivor[0]!.get(r.id) ?? survivor[1]!.get(r.id) ?? r.id;
    const decision = { claimId: r.claimId, hlc: r.hlc ?? '' };
    const other = decisions.get(subject);
    if (!other || other.hlc < decision.hlc) decisions.set(subject, decision);
  }
  return decisions;
}

function judge(claims: Claim[], decisions: Map<string, Decision>) {
  const bySubject = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.role !== 'holder') continue;
    const list = bySubject.get(c.subjectId) ?? [];
    list.push(c);
    bySubject.set(c.subjectId, list);
  }
  const holders: ClaimHolder[] = [];
  const disputes: { holder: Claim; challengers: Claim[] }[] = [];
  for (const [subjectId, list] of bySubject) {
    const decision = decisions.get(subjectId);
    const decided = decision && list.find((c) => c.id === decision.claimId);
    const holder = decided ?? list[0]!;
    holders.push({
      subjectId,
      claimId: holder.id,
      officeId: holder.officeId,
      promoterId: holder.promoterId,
      by: decided ? 'decided' : 'first',
    });
    const challengers = list.filter(
      (c) =>
        c.id !== holder.id && c.officeId !== holder.officeId && (!decided || c.hlc > decision.hlc),
    );
    if (challengers.length > 0) disputes.push({ holder, challengers });
  }
  return { holders, disputes };
}

function side(tx: Tx, claim: Claim): ArbitrationSide {
  const column = claim.subjectKind === 'investor' ? 'investor_id' : 'project_id';
  const projects =
    claim.subjectKind === 'investor'
      ? (tx.sql
          .prepare('SELECT COUNT(*) FROM project WHERE deleted = 0 AND investor_id = ?')
          .pluck()
          .get(claim.subjectId) as number)
      : 1;
  const activities = tx.sql
    .prepare(`SELECT COUNT(*) FROM activity WHERE deleted = 0 AND ${column} = ?`)
    .pluck()
    .get(claim.subjectId) as number;
  return { ...claim, projects, activities };
}

/** Every live claim and who holds each subject, without the arbitration cases (the ranking). */
export function claimHolders(tx: Tx): Pick<ClaimList, 'claims' | 'holders'> {
  const claims = readClaims(tx);
  return { claims, holders: judge(claims, readDecisions(tx)).holders };
}

export function listClaims(tx: Tx, input: { subjectId?: string | undefined }): ClaimList {
  const all = readClaims(tx);
  const { holders, disputes } = judge(all, readDecisions(tx));
  const wanted = (id: string) => !input.subjectId || id === input.subjectId;
  return {
    claims: all.filter((c) => wanted(c.subjectId)),
    holders: holders.filter((h) => wanted(h.subjectId)),
    arbitration: disputes
      .filter((d) => wanted(d.holder.subjectId))
      .map((d) => toCase(tx, d.holder, d.challengers)),
  };
}

function toCase(tx: Tx, holder: Claim, challengers: Claim[]): ArbitrationCase {
  return {
    subjectId: holder.subjectId,
    subjectKind: holder.subjectKind,
    holder: side(tx, holder),
    challengers: challengers.map((c) => side(tx, c)),
  };
}

/** Who holds one subject by its holder claims, or null: read for that subject alone. */
export function subjectHolder(
  tx: Tx,
  subjectId: string,
  decisions: ClaimDecisions,
): (Claim & { decided: boolean }) | null {
  const claims = readClaims(tx, subjectId);
  if (!claims.some((c) => c.role === 'holder')) return null;
  const [holder] = judge(claims, decisions).holders;
  const claim = holder && claims.find((c) => c.id === holder.claimId);
  return claim ? { ...claim, decided: holder.by === 'decided' } : null;
}

export function claimArbitration(tx: Tx): ArbitrationCase[] {
  return listClaims(tx, {}).arbitration;
}

/**
 * Referrers' and agents' shares of one subject add up to at most 100%. Checked where a claim is
 * made only: claims made offline at two offices may still pass it together.
 */
function refuseSharesOver100(tx: Tx, subjectId: string, share: number): void {
  const taken = tx.sql
    .prepare(
      `SELECT coalesce(sum(share), 0) FROM claim WHERE deleted = 0 AND role <> 'holder'
       AND (investor_id = ? OR project_id = ?)`,
    )
    .pluck()
    .get(subjectId, subjectId) as number;
  if (taken + share > 100) throw new AppError('CLAIM_SHARES', `已有 ${taken}%，本次 ${share}%`);
}

export function addClaim(tx: Tx, input: z.output<typeof claimAddInput>): { id: string } {
  const subject = input.investorId
    ? { table: 'investor' as const, id: input.investorId }
    : { table: 'project' as const, id: input.projectId! };
  const live = tx.sql
    .prepare(`SELECT 1 FROM ${subject.table} WHERE id = ? AND deleted = 0`)
    .get(subject.id);
  if (!live) {
    refuseMergedAway(tx.sql, subject.table, subject.id);
    throw new AppError('NOT_FOUND', subject.id);
  }
  if (input.role !== 'holder') refuseSharesOver100(tx, subject.id, input.share ?? 0);
  const office = input.officeId ?? readMeta(tx.sql.sqlite, 'office_id') ?? null;
  if (
    input.promoterId !== undefined &&
    !tx.sql.prepare('SELECT 1 FROM promoter WHERE id = ? AND deleted = 0').get(input.promoterId)
  ) {
    throw new AppError('VALIDATION', '招商人员不存在或已删除，请重新选择');
  }
  const promoter =
    input.promoterId ??
    (tx.sql
      .prepare(
        'SELECT id FROM promoter WHERE deleted = 0 AND name = ? ORDER BY (office_id = ?) DESC',
      )
      .pluck()
      .get(readMeta(tx.sql.sqlite, 'user_name') ?? '', office) as string | undefined) ??
    null;
  const id = tx.mutate.insert('claim', {
    investor_id: input.investorId ?? null,
    project_id: input.projectId ?? null,
    office_id: office,
    promoter_id: promoter,
    claimed_on: input.claimedOn ?? todayIso(),
    reported: input.reported,
    role: input.role,
    share: input.role === 'holder' ? null : (input.share ?? null),
    deleted: 0,
  });
  return { id };
}

/** 本部's decision: the chosen claim holds its subject everywhere once synced. */
export function decideClaim(tx: Tx, input: z.output<typeof claimDecideInput>): { id: string } {
  if (readMeta(tx.sql.sqlite, 'zone_role') === 'office') throw new AppError('HQ_ONLY');
  const claim = readClaims(tx).find((c) => c.id === input.claimId);
  if (!claim || claim.role !== 'holder') throw new AppError('NOT_FOUND', input.claimId);
  tx.mutate.put('claim_decision', claim.subjectId, {
    claim_id: claim.id,
    note: input.note ?? null,
    decided_on: input.decidedOn ?? todayIso(),
    deleted: 0,
  });
  return { id: claim.subjectId };
}

/** 本部's thresholds for a mandatory claim; the defaults until 本部 sets them. */
export function readClaimThresholds(tx: Tx): ClaimThresholds {
  const value = tx.sql
    .prepare('SELECT value FROM setting WHERE id = ? AND deleted = 0')
    .pluck()
    .get(settingIds.claimThresholds) as string | undefined;
  const parsed = value === undefined ? undefined : claimThresholds.safeParse(JSON.parse(value));
  return parsed?.success ? parsed.data : defaultClaimThresholds;
}

/** Sets the thresholds (a setting: 本部 only, HQ_ONLY on an office laptop). */
export function setClaimThresholds(tx: Tx, input: ClaimThresholds): ClaimThresholds {
  tx.mutate.put('setting', settingIds.claimThresholds, {
    value: JSON.stringify(input),
    deleted: 0,
  });
  return input;
}

/** Projects over a threshold whose project and investor both lack a holder claim (数据质量). */
export function unclaimedProjects(tx: Tx): UnclaimedProject[] {
  const t = readClaimThresholds(tx);
  return tx.sql
    .prepare(
      `SELECT p.id, p.name, p.total_cny AS totalCny, p.contracted_fdi_usd AS contractedFdiUsd
       FROM project p
       WHERE p.deleted = 0
         AND ((p.industrial = 1 AND p.total_cny >= ?) OR p.contracted_fdi_usd >= ?)
         AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.deleted = 0 AND c.role = 'holder'
           AND (c.project_id = p.id OR (p.investor_id IS NOT NULL AND c.investor_id = p.investor_id)))
       ORDER BY p.name`,
    )
    .all(t.industrialCny, t.foreignUsd) as UnclaimedProject[];
}
