/**
 * The night-page budget: how many sleep-hours wake-ups a team accepts per on-call week
 * (default 2). Google SRE ch. 11 budgets at most 2 incidents per 12-hour shift because each
 * costs about 6 hours of follow-up; a night has no spare hours at all, so Tend budgets nights per
 * week instead, and spends it in wake-ups (three pages in five minutes wake a person once).
 * The default equals the recommendation threshold for "disasters most nights" (more than 2
 * disturbed nights a week), so an exhausted budget and that recommendation agree.
 * When the budget is spent, the summary names the noisiest sources so the team knows which
 * alarms to fix or demote to low urgency (design §1.1 and §1.3).
 */
import type { WakeUp } from './model.js'
import { compareText } from './ordering.js'

/** Default: 2 sleep-hours wake-ups per on-call week. */
export const DEFAULT_NIGHT_PAGE_BUDGET = 2

/** How much of the budget is spent. */
export interface BudgetStatus {
  readonly budget: number
  readonly spent: number
  readonly remaining: number
  /** Spent reached the budget: the next wake-up is over it. */
  readonly exhausted: boolean
}

/** A source of wake-ups (a service or alarm), with how many wake-ups and pages it caused. */
export interface NoisySource {
  readonly source: string
  readonly wakeUps: number
  readonly alerts: number
}

/** Returns the budget status from the wake-ups of the current on-call week. */
export function budgetStatus(wakeUps: readonly WakeUp[], budget: number = DEFAULT_NIGHT_PAGE_BUDGET): BudgetStatus {
  if (!Number.isInteger(budget) || budget < 0) throw new RangeError(`budget must be an integer ≥ 0, got ${budget}`)
  const spent = wakeUps.length
  return { budget, spent, remaining: Math.max(0, budget - spent), exhausted: spent >= budget }
}

/**
 * Ranks sources by the wake-ups they caused, then alerts, then name. A wake-up with alerts from
 * two sources counts once for each: both woke the person. Alerts without a known source are
 * grouped as "unknown source".
 */
export function noisiestSources(wakeUps: readonly WakeUp[], sourceOfAlert: ReadonlyMap<string, string>): NoisySource[] {
  const wakes = new Map<string, number>()
  const alerts = new Map<string, Set<string>>()
  for (const w of wakeUps) {
    const sources = new Set(w.alertIds.map((id) => sourceOfAlert.get(id) ?? 'unknown source'))
    for (const s of sources) wakes.set(s, (wakes.get(s) ?? 0) + 1)
    for (const id of w.alertIds) {
      const s = sourceOfAlert.get(id) ?? 'unknown source'
      alerts.set(s, (alerts.get(s) ?? new Set()).add(id))
    }
  }
  return [...wakes].map(([source, n]) => ({ source, wakeUps: n, alerts: alerts.get(source)?.size ?? 0 }))
    .sort((a, b) => b.wakeUps - a.wakeUps || b.alerts - a.alerts || compareText(a.source, b.source))
}

/**
 * The budget summary for people: "Night-page budget: 3 of 2 wake-ups spent this on-call week
 * (1 over). Noisiest sources: api (2 wake-ups, 3 alerts), db (1 wake-up, 1 alert)."
 */
export function budgetSummary(status: BudgetStatus, sources: readonly NoisySource[], top = 3): string {
  const over = status.spent > status.budget ? ` (${status.spent - status.budget} over)` : status.exhausted ? ' (exhausted)' : ` (${status.remaining} left)`
  const head = `Night-page budget: ${status.spent} of ${status.budget} ${plural(status.budget, 'wake-up')} spent this on-call week${over}.`
  if (sources.length === 0) return head
  const listed = sources.slice(0, top).map((s) => `${s.source} (${plural(s.wakeUps, 'wake-up', true)}, ${plural(s.alerts, 'alert', true)})`)
  const more = sources.length > top ? ` and ${sources.length - top} more` : ''
  return `${head} Noisiest sources: ${listed.join(', ')}${more}.`
}

function plural(n: number, word: string, withNumber = false): string {
  const w = n === 1 ? word : `${word}s`
  return withNumber ? `${n} ${w}` : w
}
