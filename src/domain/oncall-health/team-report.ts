/**
 * A team's on-call health over a range, from the database: burden per person and for the team
 * (measureBurden), heatmaps in each person's own zone, the reliefs and sleep-in notices in the
 * range, the night-page budget now, and recommendations with their figures, the rotation-size
 * arithmetic and the sources of every bar.
 *
 * Whose pages count: every page the team's people received (members and rotation members), from
 * any service: a person's burden is theirs whichever team's alarm caused it.
 */
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { computeFinalShifts, loadOverrides, type Schedule } from '../schedules/index.js'
import { getTeam, type Team } from '../teams/index.js'
import type { User } from '../users/index.js'
import { loadAlertRecords, loadPages, loadTeamPeople } from './facts.js'
import { interruptionHeatmap, sumHeatmaps, type Heatmap } from './heatmap.js'
import { measureBurden, type BurdenReport, type PersonBurden, type TeamBurden } from './metrics.js'
import type { OnCallShift, TimeRange } from './model.js'
import { recommend, type Recommendation, type RotationShape } from './recommendations.js'
import { listReliefs, type Relief } from './reliefs.js'
import { describeNeed, describeSites, sizeRotation, type RotationSizing } from './rotation-sizing.js'
import { listSleepInNotices, type SleepInNotice } from './sleep-in-store.js'
import { PAGERDUTY_OPERATIONAL_REVIEWS, SRE_BOOK_ON_CALL, TEND_PRINCIPLE_COST } from './sre-targets.js'
import { teamNightBudgetStatus, type TeamNightBudget } from './team-budget.js'
import { loadTeamHealthSettings, type TeamHealthSettings } from './team-settings.js'

/** The longest range a report may span, so one request stays cheap. */
export const MAX_REPORT_RANGE_MS = 366 * DAY_MS

/** The rotation-size arithmetic, in figures and words. */
export interface RotationReport extends RotationSizing {
  readonly shape: RotationShape
  /** "4 people in 1 time zone (Europe/Berlin); a 24/7 rotation with a primary only needs 4." */
  readonly text: string
}

/** Everything the on-call health page shows. */
export interface TeamHealthReport {
  readonly team: Team
  readonly range: TimeRange
  readonly settings: TeamHealthSettings
  readonly people: readonly (PersonBurden & { readonly name: string; readonly heatmap: Heatmap })[]
  readonly totals: TeamBurden & { readonly heatmap: Heatmap }
  readonly burden: BurdenReport
  readonly names: ReadonlyMap<string, string>
  readonly reliefs: readonly Relief[]
  readonly sleepIns: readonly SleepInNotice[]
  readonly budget: TeamNightBudget
  readonly recommendations: readonly Recommendation[]
  readonly rotation: RotationReport
  readonly sources: readonly string[]
}

/** Builds the report for [range.start, range.end) as known at `now`. */
export async function teamHealthReport(db: Db, teamRef: string, range: TimeRange, now: Instant): Promise<TeamHealthReport> {
  const team = await getTeam(db, teamRef)
  const settings = await loadTeamHealthSettings(db, team.id)
  const { people, schedules } = await loadTeamPeople(db, team.id)
  const ids = people.map((p) => p.id)
  // A day earlier, so a wake-up that began before the range is grouped whole (and not counted).
  const { pages } = await loadPages(db, ids, range.start - DAY_MS, range.end)
  const shifts = await finalShifts(db, schedules, range)
  const alerts = await loadAlertRecords(db, ids, [...new Set(pages.map((p) => p.alertId))], range.start, range.end)
  const burden = measureBurden({ range, now, people, pages, shifts, alerts, wakeUpSpanMinutes: settings.wakeUpSpanMinutes })
  const names = new Map(people.map((p) => [p.id, p.name]))
  const maps = new Map(people.map((p) => [p.id, interruptionHeatmap(burden.pages.filter((x) => x.userId === p.id))]))
  const rotation = rotationReport(schedules, people)
  const recommendations = recommend(burden, rotation.shape).map((r) => ({ ...r, message: withNames(r.message, names) }))
  return {
    team,
    range,
    settings,
    people: burden.people.map((p) => ({ ...p, name: names.get(p.userId) ?? p.userId, heatmap: maps.get(p.userId) ?? interruptionHeatmap([]) })),
    totals: { ...burden.team, heatmap: sumHeatmaps([...maps.values()]) },
    burden,
    names,
    reliefs: await listReliefs(db, { teamId: team.id, from: range.start, to: range.end }),
    sleepIns: await listSleepInNotices(db, { teamId: team.id, from: range.start, to: range.end }),
    budget: await teamNightBudgetStatus(db, team.id, now),
    recommendations,
    rotation,
    sources: [SRE_BOOK_ON_CALL, PAGERDUTY_OPERATIONAL_REVIEWS, TEND_PRINCIPLE_COST],
  }
}

async function finalShifts(db: Db, schedules: readonly Schedule[], range: TimeRange): Promise<OnCallShift[]> {
  const out: OnCallShift[] = []
  for (const s of schedules) {
    const overrides = await loadOverrides(db, s.id, range.start, range.end)
    for (const shift of computeFinalShifts(s, overrides, range.start, range.end)) out.push({ userId: shift.userId, start: shift.start, end: shift.end })
  }
  return out
}

/**
 * The rotation's shape: 24/7 when some layer has no restrictions; a primary and a secondary
 * when two or more of the team's schedules are 24/7 (Tend's schedules each page one person).
 */
function rotationReport(schedules: readonly Schedule[], people: readonly User[]): RotationReport {
  const allDay = schedules.filter((s) => s.layers.some((l) => l.restrictions.length === 0))
  const shape: RotationShape = { tiers: allDay.length >= 2 ? 2 : 1, coverage: allDay.length > 0 ? '24/7' : 'partial' }
  const inRotation = new Set(schedules.flatMap((s) => s.layers.flatMap((l) => l.members)))
  const members = people.filter((p) => inRotation.has(p.id))
  const sizing = sizeRotation(members, shape.tiers)
  const verdict = sizing.shortSites.length === 0 && sizing.people >= sizing.needed ? 'enough' : `short by ${Math.max(0, sizing.needed - sizing.people)}`
  return { ...sizing, shape, text: `${describeSites(sizing)}; ${describeNeed(sizing)} (${verdict}). Basis: ${sizing.basis}.` }
}

function withNames(text: string, names: ReadonlyMap<string, string>): string {
  let out = text
  for (const [id, name] of names) out = out.replaceAll(id, name)
  return out
}
