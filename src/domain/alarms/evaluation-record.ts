import type { Instant } from '../../lib/time/index.js'
import type { BurnWindow } from './burn-rate.js'

/** An SLO alarm's last figures: burn rate per window, the thresholds, and the budget left. */
export interface SloFigures {
  readonly page: boolean
  readonly ticket: boolean
  /** Burn rate per window; null when the window saw no events. */
  readonly burnRates: Readonly<Record<BurnWindow, number | null>>
  /** The burn rate each multiwindow alert fires above (page 1h/5m, page 6h/30m, ticket 3d/6h). */
  readonly thresholds: readonly { readonly severity: 'page' | 'ticket'; readonly longWindow: BurnWindow; readonly shortWindow: BurnWindow; readonly burnRate: number }[]
  /** Share of the SLO period's error budget left: 1 untouched, 0 spent, negative overspent. */
  readonly budgetRemaining: number
  readonly goodEvents: number
  readonly totalEvents: number
}

/** What the engine last concluded about an alarm (stored as evaluation_json, shown by the API). */
export interface AlarmEvaluationRecord {
  /** The end of the last complete period evaluated. */
  readonly periodEnd: Instant
  readonly evaluatedAt: Instant
  readonly reason: string
  /** OK evaluations in a row (the alert resolves at okPeriodsToResolve). */
  readonly okStreak: number
  /** Nagios' weighted percent state change over the last 21 states. */
  readonly percentStateChange: number
  /** Threshold alarms: one value per period of the evaluation range, oldest first (null: no data). */
  readonly values?: readonly (number | null)[]
  readonly breaching?: number
  readonly evaluated?: number
  readonly slo?: SloFigures
}
