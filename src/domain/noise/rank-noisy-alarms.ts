/**
 * Ranking alarms by the pager noise they cause, so the worst offenders get fixed first.
 *
 * The score estimates the wasted interruptions an alarm caused in the range:
 *
 *   score = Σ over its alerts of  weight × waste
 *   weight = 1 if the alert paged someone, 0.2 if it did not (a glance, not a wake-up)
 *   waste  = 0    marked actionable (a human says it was worth it, however fast it cleared)
 *            1    marked noise or duplicate
 *            1    unmarked, and resolved by its source within 5 minutes with nobody acknowledging:
 *                 it fixed itself before a human could act (the page bought nothing)
 *            0.5  unmarked otherwise: unknown, a coin flip until someone marks it
 *
 * So an alarm that pages 20 times a month and self-resolves tops one that pages twice as noise,
 * and an alarm that pages often but is always actionable scores 0. It turns the principle that
 * every page should be actionable (Google SRE book, "Monitoring Distributed Systems") into a
 * sort order; the weights are ours. Ties break on pages, then alert count, then key.
 */
import type { Instant } from '../../lib/time/index.js'
import type { AlertOutcome } from '../alerts/index.js'

/** One alert of an alarm, as the store reports it. */
export interface AlertRecord {
  /** The alarm's identity: service + class, or a dedup-key pattern. */
  readonly key: string
  readonly serviceId: string
  readonly createdAt: Instant
  readonly resolvedAt: Instant | null
  readonly acknowledgedAt: Instant | null
  readonly outcome: AlertOutcome | null
  /** Whether it reached someone on an interrupting channel. */
  readonly paged: boolean
  /** Resolved by its source (or auto-resolve), not by a person. */
  readonly autoResolved: boolean
}

/** One alarm's line in the noise report. */
export interface NoisyAlarm {
  readonly key: string
  readonly serviceId: string
  readonly alerts: number
  readonly pages: number
  /** Marked noise ÷ marked; null when none is marked. */
  readonly noiseShare: number | null
  /** Marked duplicate ÷ marked; null when none is marked. */
  readonly duplicateShare: number | null
  /** Marked actionable ÷ marked; null when none is marked. */
  readonly actionableShare: number | null
  readonly unmarked: number
  /** How many alerts resolved by themselves within SELF_RESOLVE_MINUTES, unacknowledged. */
  readonly selfResolvedWithinMinutes: number
  readonly score: number
  readonly suggestion: string
}

export const SELF_RESOLVE_MINUTES = 5
const UNPAGED_WEIGHT = 0.2
const UNKNOWN_WASTE = 0.5

/** Whether the alert cleared by itself quickly, before anyone acknowledged it. */
export function selfResolvedQuickly(a: AlertRecord): boolean {
  if (!a.autoResolved || a.resolvedAt === null || a.acknowledgedAt !== null) return false
  return a.resolvedAt - a.createdAt <= SELF_RESOLVE_MINUTES * 60_000
}

function waste(a: AlertRecord): number {
  if (a.outcome === 'actionable') return 0
  if (a.outcome === 'noise' || a.outcome === 'duplicate') return 1
  return selfResolvedQuickly(a) ? 1 : UNKNOWN_WASTE
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)
const isAtLeastHalf = (s: number | null): boolean => s !== null && s >= 0.5

function suggestionFor(line: Omit<NoisyAlarm, 'suggestion'>, marked: number): string {
  const n = line.alerts
  if (line.selfResolvedWithinMinutes * 2 >= n) {
    return `Cleared by itself within ${SELF_RESOLVE_MINUTES} min in ${line.selfResolvedWithinMinutes} of ${n} alerts: require the condition to persist (M of N datapoints, or an event rule "page only if still open after 10 min").`
  }
  if (marked >= 2 && isAtLeastHalf(line.noiseShare)) {
    return `Marked noise in ${Math.round((line.noiseShare ?? 0) * marked)} of ${marked} marked alerts: raise the threshold (see the suggested threshold), make it low urgency, or delete it.`
  }
  if (marked >= 2 && isAtLeastHalf(line.duplicateShare)) {
    return 'Mostly duplicates of other alerts: fix its dedup key, or suppress it with an event rule while the alarm that causes it fires.'
  }
  if (line.unmarked * 2 >= n) return `${line.unmarked} of ${n} alerts have no outcome: mark them actionable or noise so Tend can judge this alarm.`
  if ((line.actionableShare ?? 0) >= 0.8) return 'Actionable: keep it. If the fix is routine, automate it with a mitigation rule.'
  return 'Mixed outcomes: review its threshold and runbook.'
}

function summarize(alerts: readonly AlertRecord[]): NoisyAlarm {
  const first = alerts[0] as AlertRecord
  const marked = alerts.filter((a) => a.outcome !== null).length
  const count = (outcome: AlertOutcome): number => alerts.filter((a) => a.outcome === outcome).length
  const score = alerts.reduce((total, a) => total + (a.paged ? 1 : UNPAGED_WEIGHT) * waste(a), 0)
  const line = {
    key: first.key,
    serviceId: first.serviceId,
    alerts: alerts.length,
    pages: alerts.filter((a) => a.paged).length,
    noiseShare: share(count('noise'), marked),
    duplicateShare: share(count('duplicate'), marked),
    actionableShare: share(count('actionable'), marked),
    unmarked: alerts.length - marked,
    selfResolvedWithinMinutes: alerts.filter(selfResolvedQuickly).length,
    score: Math.round(score * 100) / 100,
  }
  return { ...line, suggestion: suggestionFor(line, marked) }
}

function byNoise(a: NoisyAlarm, b: NoisyAlarm): number {
  return b.score - a.score || b.pages - a.pages || b.alerts - a.alerts || a.key.localeCompare(b.key)
}

/**
 * Returns the alarms whose alerts were created in [range.from, range.to), noisiest first, with
 * what to do about each.
 * @example rankNoisyAlarms(alertsOfLast30Days, { from: now - 30 * DAY_MS, to: now })[0]
 */
export function rankNoisyAlarms(alerts: readonly AlertRecord[], range: { readonly from: Instant; readonly to: Instant }): NoisyAlarm[] {
  const groups = new Map<string, AlertRecord[]>()
  for (const a of alerts) {
    if (a.createdAt < range.from || a.createdAt >= range.to) continue
    const id = `${a.serviceId}\u0000${a.key}`
    const group = groups.get(id)
    if (group === undefined) groups.set(id, [a])
    else group.push(a)
  }
  return [...groups.values()].map(summarize).sort(byNoise)
}
