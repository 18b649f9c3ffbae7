/**
 * The night-page budget of a stored team in its current on-call week (on-call-week.ts): the
 * sleep-hours wake-ups of the team's people caused by alerts on the team's services, from the
 * notification records (pages: interrupting, status 'sent', with an alert). Counting only the
 * team's own services keeps the budget something the team can fix, and lets the deploy gate
 * deny deploys of exactly the services that caused the pages (`causedBy`).
 */
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { getTeam } from '../teams/index.js'
import { budgetStatus, budgetSummary, noisiestSources, type NoisySource } from './budget.js'
import { classifyPages } from './classify.js'
import { loadPages, loadTeamPeople, serviceNames } from './facts.js'
import type { WakeUp } from './model.js'
import { onCallWeekStart } from './on-call-week.js'
import { loadTeamHealthSettings } from './team-settings.js'
import { groupWakeUps } from './wake-ups.js'

/** A service that woke the team's people this on-call week. */
export interface BudgetSource {
  readonly serviceId: string
  readonly serviceName: string
  readonly wakeUps: number
  readonly alerts: number
}

/** A team's night-page budget now. */
export interface TeamNightBudget {
  readonly budget: number
  readonly spent: number
  readonly remaining: number
  readonly exhausted: boolean
  /** Start of the current on-call week. */
  readonly weekStart: Instant
  /** The team opted in to "the deploy gate denies non-urgent deploys of the services that caused the pages until the budget recovers". */
  readonly gatesDeploys: boolean
  /** Services that caused this week's wake-ups, noisiest first. */
  readonly causedBy: readonly BudgetSource[]
  /** "Night-page budget: 3 of 2 wake-ups spent this on-call week (1 over). Noisiest sources: …" */
  readonly summary: string
  readonly wakeUps: readonly WakeUp[]
}

/** Returns the team's night-page budget status in the on-call week containing `now`. */
export async function teamNightBudgetStatus(db: Db, teamId: string, now: Instant): Promise<TeamNightBudget> {
  const team = await getTeam(db, teamId)
  const settings = await loadTeamHealthSettings(db, team.id)
  const { people, schedules } = await loadTeamPeople(db, team.id)
  const weekStart = onCallWeekStart(schedules, team.timeZone, now)
  // A day earlier, so a wake-up that began before the week is not split and counted again.
  const loaded = await loadPages(db, people.map((p) => p.id), weekStart - DAY_MS, now + 1, { teamId: team.id })
  const wakeUps = groupWakeUps(classifyPages(loaded.pages, people), settings.wakeUpSpanMinutes).filter((w) => w.start >= weekStart && w.start <= now)
  const status = budgetStatus(wakeUps, settings.nightPageBudget)
  const names = await serviceNames(db, [...loaded.serviceOfAlert.values()])
  const ranked = noisiestSources(wakeUps, loaded.serviceOfAlert)
  const causedBy = ranked.map((s: NoisySource) => ({ serviceId: s.source, serviceName: names.get(s.source) ?? s.source, wakeUps: s.wakeUps, alerts: s.alerts }))
  const summary = budgetSummary(status, ranked.map((s) => ({ ...s, source: names.get(s.source) ?? s.source })))
  return { ...status, weekStart, gatesDeploys: settings.budgetGatesDeploys, causedBy, summary, wakeUps }
}
