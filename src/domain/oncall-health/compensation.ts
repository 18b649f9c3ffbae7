/**
 * The compensation ledger: time in lieu owed for on-call work outside working hours. Google SRE
 * ch. 11 compensates on-call with "time-off-in-lieu or straight cash compensation, capped";
 * PagerDuty's own compensation tool defaults off-hours pay to ×1.5 (reference §1.2). Per person:
 *   minutesInLieu = round(engaged off-hours minutes × factor) + sleep-hours wake-ups × minutes
 * - engaged off-hours time is acknowledge → resolve outside their working hours (engagement.ts);
 * - each sleep-hours wake-up adds a fixed credit (default 60 minutes) on top, for the sleep it
 *   cost beyond the work itself: one is woken for a page even when someone else acknowledges.
 *   Counted per wake-up, not per page, so three pages in five minutes are one credit.
 * A cap, as Google's, is the caller's policy to apply to the totals.
 */
import type { Instant } from '../../lib/time/index.js'
import { formatInstant, MINUTE_MS } from '../../lib/time/index.js'
import { renderCsv } from './csv.js'
import type { BurdenReport } from './metrics.js'

/** A team's time-in-lieu policy. */
export interface CompensationPolicy {
  /** Multiplier on engaged off-hours time. */
  readonly factor: number
  /** Minutes credited per sleep-hours wake-up. */
  readonly countSleepHoursPagesAsMinutes: number
}

/** Default: off-hours work × 1.5, plus 60 minutes per sleep-hours wake-up. */
export const DEFAULT_COMPENSATION_POLICY: CompensationPolicy = Object.freeze({ factor: 1.5, countSleepHoursPagesAsMinutes: 60 })

/** One person's time in lieu for a period. */
export interface CompensationRow {
  readonly userId: string
  readonly name: string
  readonly periodStart: Instant
  readonly periodEnd: Instant
  readonly engagedOffHoursMinutes: number
  readonly sleepHoursWakeUps: number
  readonly factor: number
  readonly engagedCreditMinutes: number
  readonly wakeUpCreditMinutes: number
  readonly minutesInLieu: number
}

/** Computes the ledger rows of a burden report, one per person; names default to user ids. */
export function compensationRows(
  report: BurdenReport,
  policy: CompensationPolicy = DEFAULT_COMPENSATION_POLICY,
  names: ReadonlyMap<string, string> = new Map(),
): CompensationRow[] {
  if (!(policy.factor >= 0) || !(policy.countSleepHoursPagesAsMinutes >= 0)) throw new RangeError('compensation factor and minutes must be ≥ 0')
  return report.people.map((p) => {
    const engagedCreditMinutes = Math.round((p.engagedOffHoursMs * policy.factor) / MINUTE_MS)
    const wakeUpCreditMinutes = p.wakeUps * policy.countSleepHoursPagesAsMinutes
    return {
      userId: p.userId,
      name: names.get(p.userId) ?? p.userId,
      periodStart: report.range.start,
      periodEnd: report.range.end,
      engagedOffHoursMinutes: Math.round(p.engagedOffHoursMs / MINUTE_MS),
      sleepHoursWakeUps: p.wakeUps,
      factor: policy.factor,
      engagedCreditMinutes,
      wakeUpCreditMinutes,
      minutesInLieu: engagedCreditMinutes + wakeUpCreditMinutes,
    }
  })
}

/** The CSV columns, in order. */
export const COMPENSATION_CSV_HEADER: readonly string[] = Object.freeze([
  'user_id',
  'name',
  'period_start',
  'period_end',
  'engaged_off_hours_minutes',
  'sleep_hours_wake_ups',
  'factor',
  'engaged_credit_minutes',
  'wake_up_credit_minutes',
  'minutes_in_lieu',
])

/** Exports ledger rows as RFC 4180 CSV with a header row; instants as RFC 3339 UTC. */
export function toCsv(rows: readonly CompensationRow[]): string {
  return renderCsv(
    COMPENSATION_CSV_HEADER,
    rows.map((r) => [
      r.userId,
      r.name,
      formatInstant(r.periodStart),
      formatInstant(r.periodEnd),
      r.engagedOffHoursMinutes,
      r.sleepHoursWakeUps,
      r.factor,
      r.engagedCreditMinutes,
      r.wakeUpCreditMinutes,
      r.minutesInLieu,
    ]),
  )
}
