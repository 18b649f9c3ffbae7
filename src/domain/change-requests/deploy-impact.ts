/**
 * Measures the product's own assumption that deploy problems show up within the support tail
 * (the source idea says "90% within 3 hours"; no published source backs it, so Tend measures
 * it per team). For each deploy, the first alert on the service or on a service that depends
 * on it, within the attribution window and before that service's next deploy (a later deploy
 * is the likelier cause), is the deploy's first alert. Such deploys are "deploy-related".
 */
import { HOUR_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'

export interface DeployRecord {
  readonly id: string
  readonly serviceId: string
  readonly at: Instant
}

export interface AlertRecord {
  readonly serviceId: string
  readonly at: Instant
  readonly urgency: 'high' | 'low'
}

export interface DeployImpactOptions {
  /** How long after a deploy an alert may still be blamed on it (default 48 h). */
  readonly attributionWindowMs?: number
  /** Fewest deploy-related alerts before a tail is suggested (default 10). */
  readonly minSamples?: number
  /** Count low-urgency alerts too (default false: the tail exists to staff for pages). */
  readonly includeLowUrgency?: boolean
}

export interface DeployImpactDistribution {
  readonly perDeploy: readonly { readonly deployId: string; readonly firstAlertAfterMs: number | null }[]
  /** Cumulative shares of deploy-related first alerts within each bound (inclusive); `total` is their count. */
  readonly buckets: { readonly within1h: number; readonly within3h: number; readonly within6h: number; readonly within24h: number; readonly total: number }
  /** The 90th percentile (nearest rank) of the delays, rounded up to 15 min; null below minSamples. */
  readonly suggestedTailMinutes: number | null
}

export const DEFAULT_ATTRIBUTION_WINDOW_MS = 48 * HOUR_MS
export const DEFAULT_MIN_SAMPLES = 10
/** The share of deploy-related alerts the suggested tail should cover. */
export const TAIL_COVERAGE = 0.9
const TAIL_STEP_MINUTES = 15

function firstAlertAfter(
  deploy: DeployRecord,
  nextDeployAt: Instant,
  alerts: readonly AlertRecord[],
  affected: ReadonlySet<string>,
): number | null {
  let first: number | null = null
  for (const a of alerts) {
    if (!affected.has(a.serviceId) || a.at < deploy.at || a.at >= nextDeployAt) continue
    if (first === null || a.at < first) first = a.at
  }
  return first === null ? null : first - deploy.at
}

/** When the same service deploys next, or +∞. */
function nextDeployOf(deploy: DeployRecord, deploys: readonly DeployRecord[]): Instant {
  return deploys.reduce((next, d) => (d.serviceId === deploy.serviceId && d.at > deploy.at && d.at < next ? d.at : next), Number.POSITIVE_INFINITY)
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total)

function suggestTail(delays: readonly number[], minSamples: number): number | null {
  if (delays.length < minSamples || delays.length === 0) return null
  const sorted = [...delays].sort((a, b) => a - b)
  const p90 = sorted[Math.ceil(TAIL_COVERAGE * sorted.length) - 1] as number
  return Math.max(TAIL_STEP_MINUTES, Math.ceil(p90 / MINUTE_MS / TAIL_STEP_MINUTES) * TAIL_STEP_MINUTES)
}

/**
 * Returns, per deploy, how long until its first related alert, the cumulative distribution of
 * those delays, and the support tail that would have covered 90% of them.
 */
export function deployImpactDistribution(
  deploys: readonly DeployRecord[],
  alerts: readonly AlertRecord[],
  dependentsOfService: (serviceId: string) => readonly string[],
  options: DeployImpactOptions = {},
): DeployImpactDistribution {
  const windowMs = options.attributionWindowMs ?? DEFAULT_ATTRIBUTION_WINDOW_MS
  const counted = alerts.filter((a) => options.includeLowUrgency === true || a.urgency === 'high')
  const perDeploy = deploys.map((d) => {
    const affected = new Set([d.serviceId, ...dependentsOfService(d.serviceId)])
    const until = Math.min(nextDeployOf(d, deploys), d.at + windowMs + 1)
    return { deployId: d.id, firstAlertAfterMs: firstAlertAfter(d, until, counted, affected) }
  })
  const delays = perDeploy.map((p) => p.firstAlertAfterMs).filter((ms): ms is number => ms !== null)
  const within = (hours: number) => share(delays.filter((ms) => ms <= hours * HOUR_MS).length, delays.length)
  return {
    perDeploy,
    buckets: { within1h: within(1), within3h: within(3), within6h: within(6), within24h: within(24), total: delays.length },
    suggestedTailMinutes: suggestTail(delays, options.minSamples ?? DEFAULT_MIN_SAMPLES),
  }
}
