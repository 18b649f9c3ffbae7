/**
 * Burden metrics per person and per team over a range, the figures PagerDuty's Analytics API
 * reports per responder (interruptions by bucket, seconds on call, engaged seconds, mean time to
 * acknowledge) plus what it does not: wake-ups and disturbed nights, and Google SRE's two bars
 * (ch. 11): at most 2 incidents per 12-hour on-call shift, at most 25% of time on call.
 *
 * Counting rules:
 * - pages, buckets and incidents: pages sent inside the range; an incident is a distinct alert
 *   that paged the person (for the team: that paged anyone);
 * - wake-ups are grouped over all the pages given, then counted when they start inside the
 *   range, so a range boundary never splits one wake-up into two;
 * - time on call comes from the final schedule, merged per person (on call on two schedules at
 *   once is one stretch, as incident.io's pay calculator deduplicates shifts);
 * - incidents per 12-hour shift = incidents ÷ (hours on call ÷ 12); null with no time on call.
 */
import type { Instant } from '../../lib/time/index.js'
import { DAY_MS, HOUR_MS } from '../../lib/time/index.js'
import { classifyPages } from './classify.js'
import { measureEngagement, type Engagement } from './engagement.js'
import type { AlertRecord, ClassifiedPage, OnCallShift, Page, PersonHours, TimeRange, WakeUp } from './model.js'
import { clipRange, contains, coveredMs, longestStretchMs } from './ranges.js'
import { SRE } from './sre-targets.js'
import { disturbedNights, groupWakeUps } from './wake-ups.js'

/** What burden is measured from. */
export interface BurdenInput {
  readonly range: TimeRange
  /** Engagement on alerts still open runs until `now`. */
  readonly now: Instant
  /** The team's people; every one gets a row, pages for anyone else are ignored. */
  readonly people: readonly PersonHours[]
  readonly pages: readonly Page[]
  /** Final-schedule shifts; gaps (userId null) are ignored. */
  readonly shifts: readonly OnCallShift[]
  readonly alerts: readonly AlertRecord[]
  readonly wakeUpSpanMinutes?: number
}

/** Figures both a person and a team have. */
export interface BurdenFigures extends Engagement {
  readonly pages: number
  readonly sleepHoursPages: number
  readonly offHoursPages: number
  readonly workingHoursPages: number
  readonly wakeUps: number
  /** Distinct nights with a wake-up (for a team: summed over people). */
  readonly nightsDisturbed: number
  readonly incidents: number
  readonly incidentsPer12hShift: number | null
  /** Google SRE: more than 2 incidents per 12-hour shift. */
  readonly overIncidentBar: boolean
  /** Time on call ÷ range length (for a team: the mean over its people). */
  readonly onCallShare: number
  /** Google SRE: more than 25% of time on call. */
  readonly overOnCallShareBar: boolean
}

/** One person's burden over the range. */
export interface PersonBurden extends BurdenFigures {
  readonly userId: string
  readonly timeZone: string
  readonly onCallMs: number
  readonly longestOnCallMs: number
}

/** A team's burden over the range. */
export interface TeamBurden extends BurdenFigures {
  readonly people: number
  /** Summed over people: primary and secondary at once count twice, as both carry it. */
  readonly onCallMs: number
  /** Time anyone was on call (union), the denominator of the team's incidents per shift. */
  readonly coveredMs: number
  readonly nightsDisturbedPerWeek: number
}

/** Everything measureBurden returns. */
export interface BurdenReport {
  readonly range: TimeRange
  readonly people: readonly PersonBurden[]
  readonly team: TeamBurden
  /** The classified pages and wake-ups inside the range, for heatmaps, ledgers and drill-down. */
  readonly pages: readonly ClassifiedPage[]
  readonly wakeUps: readonly WakeUp[]
}

/** Measures burden per person and for the team over `input.range`. */
export function measureBurden(input: BurdenInput): BurdenReport {
  const { range } = input
  if (!(range.end > range.start)) throw new RangeError('range.end must be after range.start')
  const ids = new Set(input.people.map((p) => p.id))
  const all = classifyPages(input.pages.filter((p) => ids.has(p.userId)), input.people)
  const wakeUps = groupWakeUps(all, input.wakeUpSpanMinutes).filter((w) => contains(range, w.start))
  const pages = all.filter((p) => contains(range, p.at))
  const people = input.people.map((person) => personBurden(person, input, pages, wakeUps))
  return { range, people, team: teamBurden(people, input, pages), pages, wakeUps }
}

function personBurden(person: PersonHours, input: BurdenInput, teamPages: readonly ClassifiedPage[], teamWakeUps: readonly WakeUp[]): PersonBurden {
  const pages = teamPages.filter((p) => p.userId === person.id)
  const wakeUps = teamWakeUps.filter((w) => w.userId === person.id)
  const onCall = clippedShifts(input.shifts.filter((s) => s.userId === person.id), input.range)
  const onCallMs = coveredMs(onCall)
  const incidents = new Set(pages.map((p) => p.alertId)).size
  return {
    userId: person.id,
    timeZone: person.timeZone,
    ...pageFigures(pages, wakeUps),
    ...measureEngagement(person, input.alerts, input.pages, input.range, input.now),
    ...incidentFigures(incidents, onCallMs),
    ...shareFigures(onCallMs / rangeMs(input.range)),
    onCallMs,
    longestOnCallMs: longestStretchMs(onCall),
  }
}

function teamBurden(people: readonly PersonBurden[], input: BurdenInput, pages: readonly ClassifiedPage[]): TeamBurden {
  const sum = (f: (p: PersonBurden) => number): number => people.reduce((s, p) => s + f(p), 0)
  const ids = new Set(people.map((p) => p.userId))
  const covered = coveredMs(clippedShifts(input.shifts.filter((s) => s.userId !== null && ids.has(s.userId)), input.range))
  const acknowledged = sum((p) => p.acknowledged)
  const nightsDisturbed = sum((p) => p.nightsDisturbed)
  return {
    people: people.length,
    pages: pages.length,
    sleepHoursPages: sum((p) => p.sleepHoursPages),
    offHoursPages: sum((p) => p.offHoursPages),
    workingHoursPages: sum((p) => p.workingHoursPages),
    wakeUps: sum((p) => p.wakeUps),
    nightsDisturbed,
    nightsDisturbedPerWeek: nightsDisturbed / (rangeMs(input.range) / (7 * DAY_MS)),
    engagedMs: sum((p) => p.engagedMs),
    engagedOffHoursMs: sum((p) => p.engagedOffHoursMs),
    acknowledged,
    meanTimeToAckMs: acknowledged === 0 ? null : sum((p) => (p.meanTimeToAckMs ?? 0) * p.acknowledged) / acknowledged,
    ...incidentFigures(new Set(pages.map((p) => p.alertId)).size, covered),
    ...shareFigures(people.length === 0 ? 0 : sum((p) => p.onCallShare) / people.length),
    onCallMs: sum((p) => p.onCallMs),
    coveredMs: covered,
  }
}

function pageFigures(pages: readonly ClassifiedPage[], wakeUps: readonly WakeUp[]) {
  return {
    pages: pages.length,
    sleepHoursPages: pages.filter((p) => p.bucket === 'sleep').length,
    offHoursPages: pages.filter((p) => p.bucket === 'off').length,
    workingHoursPages: pages.filter((p) => p.bucket === 'working').length,
    wakeUps: wakeUps.length,
    nightsDisturbed: disturbedNights(wakeUps).length,
  }
}

function incidentFigures(incidents: number, onCallMs: number) {
  const shifts = onCallMs / (SRE.shiftHours * HOUR_MS)
  const incidentsPer12hShift = shifts > 0 ? incidents / shifts : null
  return { incidents, incidentsPer12hShift, overIncidentBar: incidentsPer12hShift !== null && incidentsPer12hShift > SRE.maxIncidentsPerShift }
}

function shareFigures(onCallShare: number) {
  return { onCallShare, overOnCallShareBar: onCallShare > SRE.maxOnCallShare }
}

function clippedShifts(shifts: readonly OnCallShift[], range: TimeRange): TimeRange[] {
  return shifts.map((s) => clipRange(s, range)).filter((r): r is TimeRange => r !== null)
}

function rangeMs(range: TimeRange): number {
  return range.end - range.start
}
