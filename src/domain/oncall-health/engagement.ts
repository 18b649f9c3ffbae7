/**
 * Engagement: the time a person spent on alerts they acknowledged, from acknowledge to resolve,
 * as PagerDuty's `total_engaged_seconds` measures it (Analytics API, responder metrics), and the
 * part of it outside their working hours, which is what time in lieu pays for.
 *
 * Two alerts worked at the same time are one stretch of the person's time, so engaged intervals
 * are merged before they are measured. An alert still open is engaged until `now`.
 * Time to acknowledge runs from the person's first page for the alert (when they were asked),
 * or from the alert's creation when they acknowledged without being paged; measuring from
 * creation would charge them for escalation steps that paged somebody else first.
 */
import type { Instant } from '../../lib/time/index.js'
import { workingWindowsOverlapping } from './hours-windows.js'
import type { AlertRecord, Page, PersonHours, TimeRange } from './model.js'
import { clipRange, coveredMs, mergeRanges, overlapMs } from './ranges.js'

/** A person's engagement over a range. */
export interface Engagement {
  /** Acknowledge → resolve, overlaps counted once, clipped to the range and to `now`. */
  readonly engagedMs: number
  /** The part of engagedMs outside the person's working hours (sleep and off hours). */
  readonly engagedOffHoursMs: number
  /** Alerts the person acknowledged inside the range. */
  readonly acknowledged: number
  /** Mean time to acknowledge of those alerts, or null when there were none. */
  readonly meanTimeToAckMs: number | null
}

/** Measures a person's engagement on the alerts they acknowledged. */
export function measureEngagement(
  person: PersonHours,
  alerts: readonly AlertRecord[],
  pages: readonly Page[],
  range: TimeRange,
  now: Instant,
): Engagement {
  const acked = alerts.filter((a): a is Acked => a.acknowledgedBy === person.id && a.acknowledgedAt !== null)
  const intervals = engagedIntervals(acked, { start: range.start, end: Math.min(range.end, now) }, now)
  const engagedOffHoursMs = intervals.reduce((sum, r) => sum + (r.end - r.start) - overlapMs(r, workingWindowsOverlapping(person, r)), 0)
  const acksInRange = acked.filter((a) => a.acknowledgedAt >= range.start && a.acknowledgedAt < range.end)
  const delays = acksInRange.map((a) => a.acknowledgedAt - askedAt(a, person.id, pages))
  return {
    engagedMs: coveredMs(intervals),
    engagedOffHoursMs,
    acknowledged: acksInRange.length,
    meanTimeToAckMs: delays.length === 0 ? null : delays.reduce((s, d) => s + d, 0) / delays.length,
  }
}

/** An alert some person acknowledged. */
type Acked = AlertRecord & { readonly acknowledgedAt: Instant }

/** Returns the merged acknowledge → resolve intervals inside `within`. */
function engagedIntervals(acked: readonly Acked[], within: TimeRange, now: Instant): TimeRange[] {
  const raw = acked.map((a) => clipRange({ start: a.acknowledgedAt, end: a.resolvedAt ?? now }, within))
  return mergeRanges(raw.filter((r): r is TimeRange => r !== null))
}

/** When the person was asked to respond: their first page for the alert, else its creation. */
function askedAt(alert: Acked, userId: string, pages: readonly Page[]): Instant {
  const paged = pages.filter((p) => p.alertId === alert.id && p.userId === userId && p.at <= alert.acknowledgedAt).map((p) => p.at)
  return paged.length === 0 ? alert.createdAt : Math.min(...paged)
}
