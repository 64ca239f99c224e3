// A project's life from 线索 to 投产: stages, dated milestones (planned and actual), and the rules for
// landing (落地) and stalled projects (五未) that the zone configures.
import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';

export type Stage =
  | 'lead'
  | 'negotiating'
  | 'signed'
  | 'registered'
  | 'land_supplied'
  | 'started'
  | 'completed'
  | 'producing'
  | 'terminated';

export const stageLabels: Record<Stage, string> = {
  lead: '线索',
  negotiating: '在谈',
  signed: '签约',
  registered: '注册',
  land_supplied: '供地',
  started: '开工',
  completed: '竣工',
  producing: '投产',
  terminated: '终止',
};

/** Lifecycle order; terminated comes last so that it sorts after every live stage. */
export const stageOrder: readonly Stage[] = [
  'lead',
  'negotiating',
  'signed',
  'registered',
  'land_supplied',
  'started',
  'completed',
  'producing',
  'terminated',
];

export type MilestoneStage =
  'signed' | 'registered' | 'land_supplied' | 'started' | 'completed' | 'producing';

export type ActualKey =
  'signedOn' | 'registeredOn' | 'landSuppliedOn' | 'startedOn' | 'completedOn' | 'producingOn';

export type PlannedKey =
  | 'plannedSignedOn'
  | 'plannedRegisteredOn'
  | 'plannedLandSuppliedOn'
  | 'plannedStartedOn'
  | 'plannedCompletedOn'
  | 'plannedProducingOn';

export interface Milestone {
  stage: MilestoneStage;
  actualKey: ActualKey;
  plannedKey: PlannedKey;
  label: string;
}

/** In lifecycle order. */
export const milestones: readonly Milestone[] = [
  { stage: 'signed', actualKey: 'signedOn', plannedKey: 'plannedSignedOn', label: '签约' },
  {
    stage: 'registered',
    actualKey: 'registeredOn',
    plannedKey: 'plannedRegisteredOn',
    label: '注册',
  },
  {
    stage: 'land_supplied',
    actualKey: 'landSuppliedOn',
    plannedKey: 'plannedLandSuppliedOn',
    label: '供地',
  },
  { stage: 'started', actualKey: 'startedOn', plannedKey: 'plannedStartedOn', label: '开工' },
  {
    stage: 'completed',
    actualKey: 'completedOn',
    plannedKey: 'plannedCompletedOn',
    label: '竣工',
  },
  {
    stage: 'producing',
    actualKey: 'producingOn',
    plannedKey: 'plannedProducingOn',
    label: '投产',
  },
];

/** Milestone dates of one project, ISO yyyy-mm-dd; missing, null and '' all mean "no date". */
export type MilestoneDates = Partial<Record<ActualKey | PlannedKey, string | null>>;

function milestoneOf(stage: MilestoneStage): Milestone {
  const found = milestones.find((m) => m.stage === stage);
  if (!found) throw new Error(`Unknown milestone: ${stage}`);
  return found;
}

/** The furthest milestone with an actual date, even when earlier ones were never dated. */
export function furthestMilestone(dates: MilestoneDates): MilestoneStage | null {
  for (let i = milestones.length - 1; i >= 0; i--) {
    const m = milestones[i];
    if (m && dates[m.actualKey]) return m.stage;
  }
  return null;
}

/** Position in stageOrder. Terminated ranks last for sorting only; use reached() for progress. */
export function stageRank(stage: Stage): number {
  return stageOrder.indexOf(stage);
}

/** Whether a project at `stage` has got as far as `milestone`. A terminated project reaches nothing. */
export function reached(stage: Stage, milestone: MilestoneStage): boolean {
  return stage !== 'terminated' && stageRank(stage) >= stageRank(milestone);
}

/** 落地率 settings: which milestone counts as landed, and which projects form the cohort. */
export type LandingCohort = 'signed_in_year' | 'signed_in_previous_year';

export const landingCohortLabels: Record<LandingCohort, string> = {
  signed_in_year: '当年签约项目',
  signed_in_previous_year: '上年签约项目',
};

export interface LandingRule {
  milestone: MilestoneStage;
  cohort: LandingCohort;
}

/**
 * One 五未 rule: a project that reached `from` but not `to` within `days` of the `from` date, or,
 * with usePlannedDate, by its own planned `to` date; a project without that planned date then
 * falls back to `days` (none: the rule cannot judge it).
 */
export interface StalledRule {
  key: string;
  label: string;
  from: MilestoneStage;
  to: MilestoneStage;
  days: number | null;
  usePlannedDate: boolean;
}

function deadlineOf(rule: StalledRule, fromOn: string, plannedTo: string | null | undefined) {
  if (rule.usePlannedDate && plannedTo) return parseISO(plannedTo);
  return rule.days === null ? null : addDays(parseISO(fromOn), rule.days);
}

/**
 * Days by which a project is overdue under a rule on `asOf`, or null when the rule does not apply
 * (no `from` date, `to` or a later milestone already dated, no deadline known, or not yet past it).
 * Terminated projects are the caller's to leave out.
 */
export function overdueDays(rule: StalledRule, dates: MilestoneDates, asOf: string): number | null {
  const fromOn = dates[milestoneOf(rule.from).actualKey];
  const furthest = furthestMilestone(dates);
  if (!fromOn || (furthest && reached(furthest, rule.to))) return null;
  const to = milestoneOf(rule.to);
  const deadline = deadlineOf(rule, fromOn, dates[to.plannedKey]);
  if (!deadline) return null;
  const overdue = differenceInCalendarDays(parseISO(asOf), deadline);
  return overdue > 0 ? overdue : null;
}
