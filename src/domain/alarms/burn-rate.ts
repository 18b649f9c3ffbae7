/**
 * SLO burn-rate alerting: multiwindow, multi-burn-rate alerts from the Google SRE Workbook,
 * "Alerting on SLOs" (https://sre.google/workbook/alerting-on-slos/), its recommended setup:
 *
 * | severity | budget consumed | long window | short window | burn rate (30-day SLO) |
 * | page     | 2%              | 1 h         | 5 m          | 14.4                   |
 * | page     | 5%              | 6 h         | 30 m         | 6                      |
 * | ticket   | 10%             | 3 d         | 6 h          | 1                      |
 *
 * Burn rate = error rate over a window ÷ (1 − SLO target): 1 spends exactly the budget over
 * the SLO period. An alert fires only when both its long and its short window burn faster than
 * the rate; the short window (1/12 of the long) makes it stop soon after the problem does.
 * The rates are derived from the budget shares (share × period ÷ long window), so they are
 * exactly the workbook's numbers for a 30-day period and scale for other periods.
 * Tickets are low urgency: they wait for working hours.
 */
import { FieldErrors } from '../../lib/errors.js'
import { DAY_MS, HOUR_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'

/** A service level objective: the good fraction `target` (e.g. 0.999) over `periodDays`. */
export interface Slo {
  readonly target: number
  readonly periodDays: number
}

/** Good and total events counted in one bucket (typically a minute) starting at `at`. */
export interface SloCount {
  readonly at: Instant
  readonly good: number
  readonly total: number
}

/** The windows burn rates are measured over. */
export type BurnWindow = '5m' | '30m' | '1h' | '6h' | '3d'

export const BURN_WINDOWS: Readonly<Record<BurnWindow, number>> = Object.freeze({
  '5m': 5 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '3d': 3 * DAY_MS,
})

/** One multiwindow alert of the workbook's table. */
export interface BurnRateAlert {
  readonly severity: 'page' | 'ticket'
  readonly budgetShare: number
  readonly longWindow: BurnWindow
  readonly shortWindow: BurnWindow
}

export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = Object.freeze([
  { severity: 'page', budgetShare: 0.02, longWindow: '1h', shortWindow: '5m' },
  { severity: 'page', budgetShare: 0.05, longWindow: '6h', shortWindow: '30m' },
  { severity: 'ticket', budgetShare: 0.1, longWindow: '3d', shortWindow: '6h' },
])

/** The verdict of evaluateBurnRate. */
export interface BurnRateEvaluation {
  readonly page: boolean
  readonly ticket: boolean
  /** Burn rate per window; null when the window saw no events. */
  readonly burnRates: Readonly<Record<BurnWindow, number | null>>
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  readonly budgetRemaining: number
  readonly reason: string
}

/** Returns the burn rate that spends `budgetShare` of the budget in `longWindow`. */
export function burnRateThreshold(slo: Slo, alert: BurnRateAlert): number {
  return (alert.budgetShare * slo.periodDays * DAY_MS) / BURN_WINDOWS[alert.longWindow]
}

function countsWithin(counts: readonly SloCount[], from: Instant, to: Instant): { bad: number; total: number } {
  let bad = 0
  let total = 0
  for (const c of counts) {
    if (c.at < from || c.at >= to) continue
    total += c.total
    bad += Math.max(0, c.total - c.good)
  }
  return { bad, total }
}

function burnRateOver(slo: Slo, counts: readonly SloCount[], now: Instant, windowMs: number): number | null {
  const { bad, total } = countsWithin(counts, now - windowMs, now)
  return total === 0 ? null : bad / total / (1 - slo.target)
}

const exceeds = (rate: number | null, threshold: number): boolean => rate !== null && rate > threshold
const show = (rate: number | null): string => (rate === null ? 'no traffic' : `${rate.toFixed(1)}×`)

function firing(slo: Slo, rates: Record<BurnWindow, number | null>): BurnRateAlert[] {
  return BURN_RATE_ALERTS.filter((a) => {
    const threshold = burnRateThreshold(slo, a)
    return exceeds(rates[a.longWindow], threshold) && exceeds(rates[a.shortWindow], threshold)
  })
}

function explain(slo: Slo, fired: readonly BurnRateAlert[], rates: Record<BurnWindow, number | null>, budgetRemaining: number): string {
  const left = `${Math.round(budgetRemaining * 100)}% of the ${slo.periodDays}-day error budget left`
  if (fired.length === 0) return `within budget: 1h ${show(rates['1h'])}, 6h ${show(rates['6h'])}, 3d ${show(rates['3d'])}; ${left}`
  const parts = fired.map((a) => {
    const threshold = burnRateThreshold(slo, a).toFixed(1)
    return `${a.severity}: burning ${show(rates[a.longWindow])} over ${a.longWindow} and ${show(rates[a.shortWindow])} over ${a.shortWindow} (> ${threshold}×, ${a.budgetShare * 100}% of the budget in ${a.longWindow})`
  })
  return `${parts.join('; ')}; ${left}`
}

/**
 * Returns whether the SLO's error budget burns fast enough to page or to file a ticket, with the
 * burn rate of every window and the share of the period's budget left at `now`.
 * @example evaluateBurnRate({ target: 0.999, periodDays: 30 }, perMinuteCounts, now).page
 */
export function evaluateBurnRate(slo: Slo, counts: readonly SloCount[], now: Instant): BurnRateEvaluation {
  const burnRates = Object.fromEntries(
    (Object.keys(BURN_WINDOWS) as BurnWindow[]).map((w) => [w, burnRateOver(slo, counts, now, BURN_WINDOWS[w])]),
  ) as Record<BurnWindow, number | null>
  const period = countsWithin(counts, now - slo.periodDays * DAY_MS, now)
  const allowedBad = period.total * (1 - slo.target)
  const budgetRemaining = allowedBad === 0 ? 1 : 1 - period.bad / allowedBad
  const fired = firing(slo, burnRates)
  return {
    page: fired.some((a) => a.severity === 'page'),
    ticket: fired.some((a) => a.severity === 'ticket'),
    burnRates,
    budgetRemaining,
    reason: explain(slo, fired, burnRates, budgetRemaining),
  }
}

/** Returns a validated SLO (target strictly between 0 and 1, period 1–90 days), or throws E_VALIDATION. */
export function normalizeSlo(input: { readonly target?: number | undefined; readonly periodDays?: number | undefined }): Slo {
  const errors = new FieldErrors()
  const target = input.target ?? Number.NaN
  if (!(target > 0 && target < 1)) errors.add('target', 'must be a fraction between 0 and 1, such as 0.999')
  const periodDays = input.periodDays ?? 30
  if (!Number.isInteger(periodDays) || periodDays < 1 || periodDays > 90) errors.add('periodDays', 'must be a whole number from 1 to 90')
  errors.throwIfAny()
  return { target, periodDays }
}
