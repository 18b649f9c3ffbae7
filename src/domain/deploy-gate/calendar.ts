/**
 * The policy's calendar as instant intervals: allow windows, holidays, staffed periods and the
 * support tail, each for a given range. Local times become instants through lib/time, so DST days
 * are 23 or 25 hours long and a window at a skipped time starts when the clock resumes.
 */
import {
  addLocalDays,
  localDateOf,
  localTimeMinutes,
  localToInstant,
  MINUTE_MS,
  startOfLocalDay,
  weekdayOf,
  type LocalDate,
  type LocalTime,
  type Weekday,
} from '../../lib/time/index.js'
import { mergeIntervals, type Interval } from './intervals.js'
import type { DeployPolicy } from './model.js'

interface WeeklySpan {
  readonly days: readonly Weekday[]
  readonly start: LocalTime
  readonly end: LocalTime
}

/** Local dates whose spans may touch the range: one day either side covers midnight crossings. */
function datesAround(zone: string, range: Interval): LocalDate[] {
  const first = addLocalDays(localDateOf(range.start, zone), -1)
  const last = addLocalDays(localDateOf(range.end, zone), 1)
  const out: LocalDate[] = []
  for (let d = first; d <= last; d = addLocalDays(d, 1)) out.push(d)
  return out
}

/** The instants a weekly span covers when it starts on `date`. */
function spanOn(zone: string, date: LocalDate, span: WeeklySpan): Interval {
  // end <= start crosses midnight, so "00:00–00:00" is a full day, as in users/hours.ts.
  const crossesMidnight = localTimeMinutes(span.end) <= localTimeMinutes(span.start)
  return {
    start: localToInstant(zone, date, span.start),
    end: localToInstant(zone, crossesMidnight ? addLocalDays(date, 1) : date, span.end),
  }
}

function weeklySpans(zone: string, span: WeeklySpan, range: Interval, skip: ReadonlySet<string> = new Set()): Interval[] {
  return datesAround(zone, range)
    .filter((d) => span.days.includes(weekdayOf(d)) && !skip.has(d))
    .map((d) => spanOn(zone, d, span))
}

/** Times the allow windows open, merged; the whole range when the policy has no windows. */
export function windowIntervals(policy: DeployPolicy, range: Interval): Interval[] {
  if (policy.windows.length === 0) return [range]
  return mergeIntervals(policy.windows.flatMap((w) => weeklySpans(policy.timeZone, w, range)))
}

/** Each holiday as the instants of its local day. */
export function holidayIntervals(policy: DeployPolicy): Interval[] {
  return mergeIntervals(
    policy.holidays.map((d) => ({ start: startOfLocalDay(policy.timeZone, d), end: startOfLocalDay(policy.timeZone, addLocalDays(d, 1)) })),
  )
}

/**
 * Staffed periods around the range: staffed spans that start on a non-holiday, merged when they
 * touch, so a team staffed around the clock has one long period and is never cut by the tail.
 * Generated one tail (plus a day) past the range end, so the period holding any instant of the
 * range has its true end.
 */
export function staffedPeriods(policy: DeployPolicy, range: Interval): Interval[] {
  const extended = { start: range.start, end: range.end + policy.supportTailMinutes * MINUTE_MS }
  return mergeIntervals(weeklySpans(policy.timeZone, policy.staffedHours, extended, new Set(policy.holidays)))
}

/**
 * Times at which a deploy leaves at least the support tail of staffed time after it:
 * [period start, period end − tail], end inclusive (with 17:00 and 3 h, 14:00 itself is allowed).
 */
export function supportTailIntervals(policy: DeployPolicy, range: Interval): Interval[] {
  const tailMs = policy.supportTailMinutes * MINUTE_MS
  return staffedPeriods(policy, range)
    .map((p) => ({ start: p.start, end: Math.min(p.end, p.end - tailMs + 1) }))
    .filter((i) => i.end > i.start)
}
