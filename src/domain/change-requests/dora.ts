/**
 * DORA's delivery metrics computed from Tend's own records, not from a survey.
 *
 * Bands are the 2024 Accelerate State of DevOps Report's elite and high clusters
 * (https://dora.dev/guides/dora-metrics-four-keys/; values read from a stored copy of the 2024
 * benchmark table): elite deploys on demand (several a day), change fail rate 5%, failed-deploy
 * recovery under an hour; high deploys daily to weekly, 20%, under a day. Medium and low are not
 * banded: their published values could not be verified and the 2024 clusters are not monotone
 * per metric (medium's 10% fail rate is better than high's 20%), so anything else is 'below-high'.
 * "On demand" has no count; we read it as at least one deploy per day on average (≥ 7 a week).
 * Do not mix other years' thresholds in (2023's low band differs).
 *
 * Recovery is measured from detection to restoration, as DORA now defines it; when a failure has
 * no detection time the deploy time is used, which overstates it.
 */
import { MINUTE_MS, type Instant } from '../../lib/time/index.js'

export type DoraBand = 'elite' | 'high' | 'below-high'

export interface DoraInput {
  readonly deploys: readonly { readonly at: Instant; readonly rolledBack: boolean; readonly insideWindow: boolean }[]
  /** Failures caused by a deploy, linked to it by `deployAt`. */
  readonly failures: readonly { readonly deployAt: Instant; readonly restoredAt: Instant; readonly detectedAt?: Instant }[]
  readonly rangeDays: number
}

export interface DoraMetrics {
  readonly deploymentsPerWeek: number
  /** Failed deploys (rolled back, or linked to a failure) over all deploys; null with no deploys. */
  readonly changeFailureRate: number | null
  readonly medianTimeToRestoreMinutes: number | null
  readonly shareInsideWindows: number | null
  /** Of the failed deploys, the share undone by rollback rather than fixed forward: checks principle 6. */
  readonly rollbackShareOfFailures: number | null
  readonly bands: { readonly deploymentFrequency: DoraBand; readonly changeFailureRate: DoraBand | null; readonly timeToRestore: DoraBand | null }
}

/** 2024 elite/high thresholds (see the module comment). */
export const DORA_2024 = Object.freeze({
  elite: { deploysPerWeek: 7, changeFailureRate: 0.05, restoreMinutes: 60 },
  high: { deploysPerWeek: 1, changeFailureRate: 0.2, restoreMinutes: 24 * 60 },
})

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole)

type Meets = (value: number, limit: number) => boolean
const atLeast: Meets = (v, limit) => v >= limit
const atMost: Meets = (v, limit) => v <= limit
// "Under an hour" / "under a day" are strict: exactly 60 min is high, not elite.
const under: Meets = (v, limit) => v < limit

function band(value: number, elite: number, high: number, meets: Meets): DoraBand {
  return meets(value, elite) ? 'elite' : meets(value, high) ? 'high' : 'below-high'
}

/**
 * Computes deploy frequency, change failure rate, median recovery time and the share of deploys
 * inside windows, each with its 2024 band.
 */
export function doraMetrics(input: DoraInput): DoraMetrics {
  const { deploys, failures } = input
  const linked = new Set(failures.map((f) => f.deployAt))
  const failed = deploys.filter((d) => d.rolledBack || linked.has(d.at))
  const restoreMinutes = failures.map((f) => (f.restoredAt - (f.detectedAt ?? f.deployAt)) / MINUTE_MS).filter((m) => m >= 0)
  const perWeek = input.rangeDays > 0 ? (deploys.length / input.rangeDays) * 7 : 0
  const cfr = ratio(failed.length, deploys.length)
  const restore = median(restoreMinutes)
  const { elite, high } = DORA_2024
  return {
    deploymentsPerWeek: perWeek,
    changeFailureRate: cfr,
    medianTimeToRestoreMinutes: restore,
    shareInsideWindows: ratio(deploys.filter((d) => d.insideWindow).length, deploys.length),
    rollbackShareOfFailures: ratio(failed.filter((d) => d.rolledBack).length, failed.length),
    bands: {
      deploymentFrequency: band(perWeek, elite.deploysPerWeek, high.deploysPerWeek, atLeast),
      changeFailureRate: cfr === null ? null : band(cfr, elite.changeFailureRate, high.changeFailureRate, atMost),
      timeToRestore: restore === null ? null : band(restore, elite.restoreMinutes, high.restoreMinutes, under),
    },
  }
}
