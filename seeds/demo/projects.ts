// Projects: a size, an investor able to carry it, an industry, a schedule, money, an office and its
// owner, and the words of the project row; one row, then what its children need.
import { YI } from '../../domain/classify';
import type { Tier } from '../../domain/classify';
import { snake } from '../../domain/column-names';
import { milestones } from '../../domain/lifecycle';
import { officeKeys } from '../../domain/vocabulary';
import type { OfficeKey } from '../../domain/vocabulary';
import { defaultUsdCnyRates, fairEditions, platforms } from '../dictionaries';
import { OFFICE_PREFIX } from './data/geography';
import { NON_INDUSTRIAL, industryInfos, serviceArmIndices } from './data/industries';
import type { IndustryInfo } from './data/industries';
import { surnames } from './data/people';
import {
  agents,
  nextStepsByStage,
  problemsByStage,
  terminationReasons,
} from './data/project-words';
import type { DemoContext } from './context';
import type { Investors } from './investors';
import { Weighted, weighted } from './random';
import type { Rng } from './random';
import { scheduleOf } from './schedule';
import type { DemoRow, Investor, ProjectPlan, Promoter } from './types';

const tierRanges: Record<Tier, readonly [number, number]> = {
  t100: [105 * YI, 280 * YI],
  t50_100: [52 * YI, 95 * YI],
  t10_50: [10.5 * YI, 48 * YI],
  t1_10: [1.05 * YI, 9.5 * YI],
  none: [0.12 * YI, 0.95 * YI],
};
const tierWeights = weighted<Tier>([
  ['t100', 1],
  ['t50_100', 2],
  ['t10_50', 10],
  ['t1_10', 50],
  ['none', 37],
]);

const channelWeights = weighted<string>([
  ['referral', 15],
  ['agent', 12],
  ['resident', 30],
  ['online', 8],
  ['fair', 15],
  ['direct', 20],
]);

const fair2021 =
  fairEditions.find((f) => f.includes('2021')) ?? fairEditions[fairEditions.length - 1];
const earlierFairs = fairEditions.filter((f) => f !== fair2021).slice(-3);

const platformIndex = (part: string) => platforms.findIndex((p) => p.includes(part));

/**
 * Platform indexes weighted by a part of the platform's name (the first platform whose name has
 * it); every other platform weighs `others`.
 */
function platformsWeighted(weights: Record<string, number>, others: number): Weighted<number> {
  const byIndex = new Map<number, number>();
  for (const [part, weight] of Object.entries(weights)) {
    const index = platformIndex(part);
    if (!byIndex.has(index)) byIndex.set(index, weight);
  }
  return new Weighted(
    platforms.map((_, i) => i),
    platforms.map((_, i) => byIndex.get(i) ?? others),
  );
}
const industrialPlatforms = platformsWeighted({ 生态园: 35, 中德: 15, 运河: 25, 高铁: 12 }, 10);
const serviceIndustryPlatforms = platformsWeighted({ 高铁: 45, 姚家荡: 30, 运河: 20 }, 2);

const sinoGermanPark = platformIndex('中德');

/** 承接平台: German investors favour the 中德 park, service projects the new town districts. */
function platformFor(rng: Rng, industrial: boolean, country: string): number {
  if (!industrial) return serviceIndustryPlatforms.pick(rng);
  if (country === 'DE' && sinoGermanPark >= 0 && rng.chance(0.5)) return sinoGermanPark;
  return industrialPlatforms.pick(rng);
}

/** Yields a project row; returns what its children need. */
export function* projectRow(
  ctx: DemoContext,
  investorList: Investors,
  promotersByOffice: readonly (readonly Promoter[])[],
  /** The last code number given, by office and year of entry. */
  codeSeq: Map<string, number>,
): Generator<DemoRow, ProjectPlan> {
  const { rng, calendar } = ctx;
  const { all: investors, big: bigInvestors } = investorList;
  // Size first, then an investor able to carry it.
  const tier = tierWeights.pick(rng);
  const bigPick = tier === 't100' || tier === 't50_100' ? 0.8 : tier === 't10_50' ? 0.5 : 0.05;
  const invIndex =
    bigInvestors.length > 0 && rng.chance(bigPick)
      ? rng.pick(bigInvestors)
      : rng.int(investors.length);
  const inv = investors[invIndex] as Investor;
  const foreign = inv.region !== 'domestic';
  const nth = inv.projects++;
  const projectType =
    nth === 0 || rng.chance(0.15)
      ? 'new'
      : rng.chance(0.5)
        ? 'expansion'
        : rng.chance(0.3)
          ? 'tech_renovation'
          : 'phase2';

  // Mostly the group's own industry; otherwise a headquarters or service arm of it.
  const industry = rng.chance(0.85) ? inv.industry : rng.pick(serviceArmIndices);
  const info = industryInfos[industry] as IndustryInfo;
  const industrial =
    !NON_INDUSTRIAL.has(info.label) && (info.label !== '数字经济' || rng.chance(0.5));

  // Stage and dates; amounts convert at the signing (or planned signing) year's rate.
  const schedule = scheduleOf(ctx, tier, industrial);
  const { stage, actual, planned, entered, terminatedOn } = schedule;
  const signedDay = actual[0] as number;
  const rateDay = signedDay >= 0 ? signedDay : (planned[0] as number);
  const rate = usdRate(calendar.year(rateDay));

  // Money.
  const [minCny, maxCny] = tierRanges[tier];
  const totalCny = nice(minCny * (maxCny / minCny) ** rng.float());
  const usd = foreign && rng.chance(0.4);
  const totalInvestment = usd ? nice(totalCny / rate) : totalCny;
  const contractedFdi = foreign
    ? Math.max(10_000, nice((totalCny / rate) * (0.35 + 0.65 * rng.float())))
    : null;
  const landMu =
    industrial && (stage !== 'lead' || rng.chance(0.5))
      ? Math.min(
          5000,
          Math.max(10, Math.round((totalCny / (2_500_000 + rng.int(4_000_000))) * 10) / 10),
        )
      : null;

  // Office, owner, channel.
  const officeIdx = rng.chance(0.8) ? inv.office : rng.int(officeKeys.length);
  const office = officeKeys[officeIdx] as OfficeKey;
  const staff = promotersByOffice[officeIdx] as Promoter[];
  const owner = rng.pick(staff);
  const channel = channelWeights.pick(rng);
  const enteredYear = calendar.year(entered);
  const codeKey = office + enteredYear;
  const seq = (codeSeq.get(codeKey) ?? 0) + 1;
  codeSeq.set(codeKey, seq);
  const code = `${OFFICE_PREFIX[office]}${enteredYear}-${seq < 1000 ? String(seq).padStart(4, '0') : seq}`;

  const productName = rng.pick(info.products);
  const suffix = {
    new: '项目',
    expansion: '增资扩产项目',
    phase2: '二期项目',
    tech_renovation: '技术改造项目',
  }[projectType];
  const bigTier = tier === 't100' || tier === 't50_100' || tier === 't10_50';
  const live = stage !== 'lead' && stage !== 'terminated';
  const problemsList = problemsByStage[stage];
  const nextList = nextStepsByStage[stage];
  const problems = problemsList && rng.chance(0.6) ? rng.pick(problemsList) : null;
  const nextSteps =
    nextList && rng.chance(stage === 'producing' ? 0.3 : 0.7)
      ? rng.pick(nextList).replace('{city}', inv.city)
      : null;

  const name = inv.short + productName + suffix;
  const projectId = ctx.newId(entered);
  yield {
    table: 'project',
    id: projectId,
    fields: {
      code,
      name,
      investor_id: inv.id,
      country: inv.country,
      province: foreign ? null : inv.province,
      ownership: foreign ? null : inv.ownership,
      capital_type: foreign ? 'foreign' : 'domestic',
      project_type: projectType,
      industrial: industrial ? 1 : 0,
      industry: info.label,
      platform: platforms[platformFor(rng, industrial, inv.country)] ?? null,
      channel,
      referrer: channel === 'referral' ? referrerFor(rng, investors, inv) : null,
      agent: channel === 'agent' ? rng.pick(agents) : null,
      fair_edition:
        channel === 'fair'
          ? ((enteredYear >= 2021 || earlierFairs.length === 0
              ? fair2021
              : rng.pick(earlierFairs)) ?? null)
          : null,
      office_id: office,
      owner_id: owner.id,
      total_investment: totalInvestment,
      investment_currency: usd ? 'USD' : 'CNY',
      contracted_fdi_usd: contractedFdi,
      land_area_mu: landMu,
      stage,
      terminated_on: terminatedOn >= 0 ? calendar.iso8601(terminatedOn) : null,
      termination_reason: stage === 'terminated' ? rng.pick(terminationReasons) : null,
      problems,
      next_steps: nextSteps,
      leader_project: bigTier && live && rng.chance(0.6) ? 1 : 0,
      // A 技改 is approved when it is signed.
      tech_approved_on: projectType === 'tech_renovation' ? calendar.isoOrNull(signedDay) : null,
      ...Object.fromEntries(
        milestones.flatMap((m, i) => [
          [snake(m.actualKey), calendar.isoOrNull(actual[i] as number)],
          [snake(m.plannedKey), calendar.isoOrNull(planned[i] as number)],
        ]),
      ),
    },
  };
  return {
    id: projectId,
    name,
    investor: inv,
    foreign,
    schedule,
    office,
    owner,
    staff,
    totalCny,
    contractedFdiUsd: contractedFdi,
  };
}

/** The rate a project's amounts convert at: its year's, else the nearest year's. */
function usdRate(year: number): number {
  const years = Object.keys(defaultUsdCnyRates).map(Number);
  const nearest = years.reduce(
    (best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best),
    years[0] ?? year,
  );
  return defaultUsdCnyRates[nearest] ?? 6.5;
}

/** Three significant digits: 3.27亿, 2,350万. */
function nice(x: number): number {
  if (x < 1000) return Math.max(1, Math.round(x));
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Math.round(x / unit) * unit;
}

/** 以商引商: an existing investor (not this one) and the person there who made the introduction. */
function referrerFor(rng: Rng, investors: readonly Investor[], self: Investor): string {
  let other = rng.pick(investors);
  if (other === self && investors.length > 1) other = rng.pick(investors);
  if (other === self) return `${rng.pick(surnames)[0]}总`;
  return `${other.nameZh}（${rng.pick(surnames)[0]}总）`;
}
