/**
 * Gathers the facts the gate cannot know by itself, for one service at one instant:
 * - who covers the support tail [at, at + tail] on the owning team's schedules (every schedule
 *   of the team; a stretch counts as covered when any of them has someone), whether each person
 *   would be in their own sleep hours during their stretch, whether they are covering as relief,
 *   and whether they can be woken (a verified interrupting contact method);
 * - how many high-urgency alerts are open on the service now;
 * - whether the team's night-page budget is spent (see nightBudgetFact).
 */
import { addLocalDays, localDateOf, localTimeMinutes, localToInstant, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { teamNightBudgetStatus } from '../oncall-health/index.js'
import { computeFinalShifts, listSchedules, loadOverrides } from '../schedules/index.js'
import { listContactMethodsMeta, usersById, type User } from '../users/index.js'
import type { GateFacts, OnCallFact } from './model.js'

/** Whether the person's sleep hours (in their zone) overlap [from, to). */
export function sleepOverlaps(user: Pick<User, 'timeZone' | 'sleepHours'>, from: Instant, to: Instant): boolean {
  const zone = user.timeZone
  const { start, end } = user.sleepHours
  const crossesMidnight = localTimeMinutes(end) <= localTimeMinutes(start)
  const last = localDateOf(to, zone)
  for (let d = addLocalDays(localDateOf(from, zone), -1); d <= last; d = addLocalDays(d, 1)) {
    const s = localToInstant(zone, d, start)
    const e = localToInstant(zone, crossesMidnight ? addLocalDays(d, 1) : d, end)
    if (s < to && from < e) return true
  }
  return false
}

/** Whether a person can be woken: at least one verified, interrupting contact method. */
async function isReachable(db: Db, userId: string): Promise<boolean> {
  return (await listContactMethodsMeta(db, userId)).some((m) => m.interrupting && m.verified)
}

/** Whether an active relief has this person standing in for a tired colleague during [from, to). */
async function isRelieving(db: Db, teamId: string, userId: string, from: Instant, to: Instant): Promise<boolean> {
  const row = await db
    .selectFrom('reliefs')
    .select('id')
    .where('team_id', '=', teamId)
    .where('replacement_user_id', '=', userId)
    .where('status', '=', 'active')
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .executeTakeFirst()
  return row !== undefined
}

/** The support-tail range the gate checks: [at, at + tail], at least 1 ms. */
export function tailRange(at: Instant, tailMinutes: number): { start: Instant; end: Instant } {
  return { start: at, end: at + Math.max(1, tailMinutes * MINUTE_MS) }
}

/** Who covers [at, at + tail] on the team's schedules, as the gate's OnCallFacts. */
export async function onCallFacts(db: Db, teamId: string, at: Instant, tailMinutes: number): Promise<OnCallFact[]> {
  const range = tailRange(at, tailMinutes)
  const stretches: { from: Instant; to: Instant; userId: string | null; reliefOverride: boolean }[] = []
  for (const schedule of await listSchedules(db, { teamId })) {
    const overrides = await loadOverrides(db, schedule.id, range.start, range.end)
    for (const shift of computeFinalShifts(schedule, overrides, range.start, range.end)) {
      const from = Math.max(shift.start, range.start)
      const to = Math.min(shift.end, range.end)
      if (to <= from) continue
      const reliefOverride = shift.source.type === 'override' && shift.source.kind === 'relief'
      stretches.push({ from, to, userId: shift.userId, reliefOverride })
    }
  }
  if (stretches.length === 0) return [{ from: range.start, to: range.end, userId: null, userName: null, asleepDuring: false, relieved: false, reachable: false }]
  const users = await usersById(db, stretches.flatMap((s) => (s.userId === null ? [] : [s.userId])))
  const reachable = new Map<string, boolean>()
  const facts: OnCallFact[] = []
  for (const s of stretches) {
    const user = s.userId === null ? undefined : users.get(s.userId)
    if (s.userId === null || user === undefined) {
      facts.push({ from: s.from, to: s.to, userId: null, userName: null, asleepDuring: false, relieved: false, reachable: false })
      continue
    }
    if (!reachable.has(user.id)) reachable.set(user.id, await isReachable(db, user.id))
    facts.push({
      from: s.from,
      to: s.to,
      userId: user.id,
      userName: user.name,
      asleepDuring: sleepOverlaps(user, s.from, s.to),
      relieved: s.reliefOverride || (await isRelieving(db, teamId, user.id, s.from, s.to)),
      reachable: reachable.get(user.id) === true,
    })
  }
  return facts.sort((a, b) => a.from - b.from)
}

/** High-urgency alerts open (triggered or acknowledged) on the service now. */
export async function openHighUrgencyAlertCount(db: Db, serviceId: string): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('service_id', '=', serviceId)
    .where('status', 'in', ['triggered', 'acknowledged'])
    .where('urgency', '=', 'high')
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** The night-page budget as the gate sees it for one service. */
export interface NightBudgetFact {
  /** Deny: the budget is spent, the team opted in to gating deploys, and this service caused wake-ups. */
  readonly spent: boolean
  /** Whether the budget could be read (always, now that on-call health exposes it). */
  readonly known: boolean
  /** On-call health's sentence about the budget ("Night-page budget: 3 of 2 wake-ups spent …"). */
  readonly summary: string | null
}

/**
 * Reads the team's night-page budget from on-call health. The deny needs all of: the budget is
 * exhausted this on-call week; the team opted in (its on-call health setting `budgetGatesDeploys`,
 * default off; the policy's `denyIfNightBudgetSpent` is the per-service switch on top); this
 * service is one of those that caused the wake-ups; and the deploy is not urgent (an emergency
 * change). On-call health's own rule: "deny non-urgent deploys of the services that caused the pages".
 */
export async function nightBudgetFact(db: Db, input: { readonly teamId: string; readonly serviceId: string; readonly now: Instant; readonly urgent: boolean }): Promise<NightBudgetFact> {
  const status = await teamNightBudgetStatus(db, input.teamId, input.now)
  const caused = status.causedBy.some((s) => s.serviceId === input.serviceId)
  return { spent: status.exhausted && status.gatesDeploys && caused && !input.urgent, known: true, summary: status.summary }
}

/** Every fact the gate needs about a service at `at` (alerts and budget are as of `now`). */
export async function gatherGateFacts(
  db: Db,
  input: { readonly teamId: string; readonly serviceId: string; readonly at: Instant; readonly now: Instant; readonly tailMinutes: number; readonly urgent: boolean },
): Promise<GateFacts & { readonly nightBudgetKnown: boolean; readonly nightBudgetSummary: string | null }> {
  const onCall = await onCallFacts(db, input.teamId, input.at, input.tailMinutes)
  const openHighUrgencyAlerts = await openHighUrgencyAlertCount(db, input.serviceId)
  const budget = await nightBudgetFact(db, input)
  return { onCall, openHighUrgencyAlerts, nightBudgetSpent: budget.spent, nightBudgetKnown: budget.known, nightBudgetSummary: budget.summary }
}
