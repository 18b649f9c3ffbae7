/**
 * Recommendations from a burden report: what to change when on-call costs too much, each with
 * the figures that triggered it and its source, so a team can check the arithmetic. Rules:
 * - 'nights-disturbed': more than K disturbed person-nights per week (K default 2, the night-page
 *   budget): disasters are not that frequent, so alarms or rotation need changing;
 * - 'pages-concentrated': with 3 or more people, one person received more than 50% of pages
 *   (from 4 team pages up: below that a share is chance, not a pattern; a Tend default);
 * - 'rotation-too-small': a 24/7 rotation below Google SRE's sizes (rotation-sizing.ts);
 * - 'shifts-too-long': someone on call continuously longer than a week (Google's week-long
 *   shifts; PagerDuty's compensation templates cap consecutive on-call days at 6–7);
 * - 'incidents-per-shift': more than 2 incidents per 12-hour shift (Google SRE);
 * - 'on-call-share': someone on call more than 25% of the time (Google SRE).
 */
import { HOUR_MS } from '../../lib/time/index.js'
import type { BurdenReport, PersonBurden } from './metrics.js'
import { describeNeed, describeSites, sizeRotation, type OnCallTiers } from './rotation-sizing.js'
import { PAGERDUTY_OPERATIONAL_REVIEWS, SRE, SRE_BOOK_ON_CALL, TEND_PRINCIPLE_COST } from './sre-targets.js'

/** Stable codes, for the API, the UI and tests. */
export type RecommendationCode =
  | 'nights-disturbed'
  | 'pages-concentrated'
  | 'rotation-too-small'
  | 'shifts-too-long'
  | 'incidents-per-shift'
  | 'on-call-share'

/** How urgent: 'critical' means people are being harmed now; 'warning' means it is heading there. */
export type RecommendationSeverity = 'info' | 'warning' | 'critical'

/** One recommendation with the figures that triggered it and where the bar comes from. */
export interface Recommendation {
  readonly code: RecommendationCode
  readonly severity: RecommendationSeverity
  readonly message: string
  readonly figures: Readonly<Record<string, number | string>>
  readonly source: string
}

/** Limits the rules apply; defaults in DEFAULT_RECOMMENDATION_LIMITS. */
export interface RecommendationLimits {
  readonly nightsPerWeek: number
  readonly topShare: number
  readonly topShareMinPeople: number
  readonly topShareMinPages: number
  readonly maxShiftHours: number
  readonly maxIncidentsPerShift: number
  readonly maxOnCallShare: number
}

/** Defaults: 2 nights a week, 50% with ≥ 3 people and ≥ 4 pages, a week, 2 incidents per 12 h, 25%. */
export const DEFAULT_RECOMMENDATION_LIMITS: RecommendationLimits = Object.freeze({
  nightsPerWeek: 2,
  topShare: 0.5,
  topShareMinPeople: 3,
  topShareMinPages: 4,
  maxShiftHours: SRE.weekLongShiftHours,
  maxIncidentsPerShift: SRE.maxIncidentsPerShift,
  maxOnCallShare: SRE.maxOnCallShare,
})

/** The rotation being judged: its tiers and whether it covers all hours. */
export interface RotationShape {
  readonly tiers: OnCallTiers
  readonly coverage: '24/7' | 'partial'
}

/** Returns the recommendations for a team's burden report, most severe first. */
export function recommend(report: BurdenReport, rotation: RotationShape, limits: RecommendationLimits = DEFAULT_RECOMMENDATION_LIMITS): Recommendation[] {
  const found = [
    nightsDisturbed(report, limits),
    pagesConcentrated(report, limits),
    rotation.coverage === '24/7' ? rotationTooSmall(report, rotation.tiers) : null,
    shiftsTooLong(report, limits),
    incidentsPerShift(report, limits),
    onCallShare(report, rotation, limits),
  ]
  const rank: Record<RecommendationSeverity, number> = { critical: 0, warning: 1, info: 2 }
  return found.filter((r): r is Recommendation => r !== null).sort((a, b) => rank[a.severity] - rank[b.severity])
}

function nightsDisturbed(report: BurdenReport, limits: RecommendationLimits): Recommendation | null {
  const { nightsDisturbed, nightsDisturbedPerWeek: perWeek, wakeUps } = report.team
  if (!(perWeek > limits.nightsPerWeek)) return null
  const weeks = (report.range.end - report.range.start) / (7 * 24 * HOUR_MS)
  return {
    code: 'nights-disturbed',
    severity: perWeek > 3.5 ? 'critical' : 'warning',
    message: sentences(
      `Disasters most nights: ${nightsDisturbed} disturbed nights in ${fmt(weeks)} weeks (${fmt(perWeek)} a week, limit ${limits.nightsPerWeek}).`,
      'Add people to the rotation or rotate more often, and move alarms that can wait to low urgency.',
    ),
    figures: { nightsDisturbed, weeks: round(weeks), nightsPerWeek: round(perWeek), limit: limits.nightsPerWeek, wakeUps },
    source: `${TEND_PRINCIPLE_COST}; ${SRE_BOOK_ON_CALL}: paging "should be very flat over time"`,
  }
}

function pagesConcentrated(report: BurdenReport, limits: RecommendationLimits): Recommendation | null {
  const total = report.team.pages
  const people = report.people.length
  const top = maxBy(report.people, (p) => p.pages)
  if (top === undefined || people < limits.topShareMinPeople || total < limits.topShareMinPages) return null
  const share = top.pages / total
  if (!(share > limits.topShare)) return null
  return {
    code: 'pages-concentrated',
    severity: 'warning',
    message: sentences(
      `One person carries most of the pages: ${top.userId} received ${top.pages} of ${total} (${pct(share)}) among ${people} people.`,
      "Share the rotation more evenly, or route their services' alarms to the whole team.",
    ),
    figures: { userId: top.userId, pages: top.pages, teamPages: total, share: round(share), people, limit: limits.topShare },
    source: `${PAGERDUTY_OPERATIONAL_REVIEWS} (interruptions per responder); ${TEND_PRINCIPLE_COST}`,
  }
}

function rotationTooSmall(report: BurdenReport, tiers: OnCallTiers): Recommendation | null {
  const s = sizeRotation(report.people, tiers)
  if (s.shortSites.length === 0 && s.people >= s.needed) return null
  const perZone = Object.fromEntries(s.sites.map((x) => [`people:${x.zone}`, x.people]))
  return {
    code: 'rotation-too-small',
    severity: s.people * 2 <= s.needed ? 'critical' : 'warning',
    message: sentences(
      `Too few people for a healthy rotation: ${describeSites(s)}; ${describeNeed(s)}.`,
      'Add people, drop the secondary, or cover fewer hours.',
    ),
    figures: { people: s.people, sites: s.sites.length, ...perZone, tiers, neededPerSite: s.neededPerSite, needed: s.needed },
    source: `${SRE_BOOK_ON_CALL}; ${s.basis}`,
  }
}

function shiftsTooLong(report: BurdenReport, limits: RecommendationLimits): Recommendation | null {
  const worst = maxBy(report.people, (p) => p.longestOnCallMs)
  const hours = (worst?.longestOnCallMs ?? 0) / HOUR_MS
  if (worst === undefined || !(hours > limits.maxShiftHours)) return null
  return {
    code: 'shifts-too-long',
    severity: 'warning',
    message: sentences(
      `Shifts too long: ${worst.userId} was on call for ${fmt(hours)} hours in a row (limit ${limits.maxShiftHours}).`,
      'Use shorter shifts, or split weeks (Mon–Thu / Fri–Sun).',
    ),
    figures: { userId: worst.userId, longestHours: round(hours), limitHours: limits.maxShiftHours },
    source: `${SRE_BOOK_ON_CALL} (week-long shifts); PagerDuty on-call compensation templates (at most 6–7 consecutive days)`,
  }
}

function incidentsPerShift(report: BurdenReport, limits: RecommendationLimits): Recommendation | null {
  const { incidents, incidentsPer12hShift: rate, coveredMs } = report.team
  if (rate === null || !(rate > limits.maxIncidentsPerShift)) return null
  const hours = coveredMs / HOUR_MS
  return {
    code: 'incidents-per-shift',
    severity: rate > 2 * limits.maxIncidentsPerShift ? 'critical' : 'warning',
    message: sentences(
      `Too many incidents per shift: ${incidents} incidents in ${fmt(hours)} on-call hours is ${fmt(rate)} per 12-hour shift`,
      `(limit ${limits.maxIncidentsPerShift}; each costs about ${SRE.followUpHoursPerIncident} hours of follow-up).`,
      'Fix or demote noisy alarms, or shorten shifts.',
    ),
    figures: { incidents, onCallHours: round(hours), incidentsPer12hShift: round(rate), limit: limits.maxIncidentsPerShift, followUpHoursPerIncident: SRE.followUpHoursPerIncident },
    source: SRE_BOOK_ON_CALL,
  }
}

function onCallShare(report: BurdenReport, rotation: RotationShape, limits: RecommendationLimits): Recommendation | null {
  const over = report.people.filter((p) => p.onCallShare > limits.maxOnCallShare)
  const worst = maxBy(over, (p) => p.onCallShare)
  if (worst === undefined) return null
  const n = report.people.length
  const { tiers } = rotation
  const peopleNeeded = Math.ceil(tiers / limits.maxOnCallShare)
  return {
    code: 'on-call-share',
    severity: worst.onCallShare > 2 * limits.maxOnCallShare ? 'critical' : 'warning',
    message: sentences(
      `On call more than ${pct(limits.maxOnCallShare)} of the time: ${over.length} of ${n} people, most ${worst.userId} at ${pct(worst.onCallShare)}.`,
      `With ${n} people and ${tiers} on call at once, each is on call ${tiers}/${n} = ${pct(tiers / Math.max(1, n))} of the time;`,
      `staying at ${pct(limits.maxOnCallShare)} needs ${peopleNeeded} people.`,
    ),
    figures: { peopleOver: over.length, people: n, userId: worst.userId, share: round(worst.onCallShare), limit: limits.maxOnCallShare, tiers, peopleNeeded },
    source: SRE_BOOK_ON_CALL,
  }
}

function maxBy(people: readonly PersonBurden[], f: (p: PersonBurden) => number): PersonBurden | undefined {
  return people.reduce<PersonBurden | undefined>((best, p) => (best === undefined || f(p) > f(best) ? p : best), undefined)
}

const round = (x: number): number => Math.round(x * 100) / 100
const fmt = (x: number): string => String(round(x))
const pct = (x: number): string => `${Math.round(x * 100)}%`
const sentences = (...parts: readonly string[]): string => parts.join(' ')
