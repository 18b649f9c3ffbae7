/**
 * When pings are due. An interval heartbeat expects a ping every `intervalSeconds` after the
 * last one (Healthchecks.io's "simple" period); a cron heartbeat expects one at each cron time
 * in its zone (Healthchecks.io's cron schedule, with the zone stated rather than the server's).
 * Each expected ping counts as missed once its deadline (expected time + grace) has passed.
 */
import { nextCronTime, type Instant } from '../../lib/time/index.js'
import type { ExpectedPing, HeartbeatSchedule, HeartbeatSpec } from './model.js'

const DEFAULT_LIMIT = 1000
// Host clocks drift: a job scheduled for 02:00 may ping at 01:59:59. A ping this close before a
// cron time covers it, so the 02:00 run is not then expected again. Healthchecks.io anchors
// strictly after the ping instead, which turns a one-second skew into a missed ping a day.
const EARLY_PING_TOLERANCE_MS = 60_000

/**
 * Returns the first expected ping time strictly after `after`. Interval schedules count whole
 * intervals from `anchor` (the last ping); cron schedules ignore the anchor. Null if none.
 */
export function nextExpectedAfter(schedule: HeartbeatSchedule, anchor: Instant, after: Instant): Instant | null {
  // The spec was validated by normalizeHeartbeat, so the expression is known to parse.
  if (schedule.kind === 'cron') return nextCronTime({ expression: schedule.cron, timeZone: schedule.timeZone }, after)
  const intervalMs = schedule.intervalSeconds * 1000
  const intervals = Math.max(1, Math.floor((after - anchor) / intervalMs) + 1)
  return anchor + intervals * intervalMs
}

/** Returns the instant after which a ping at `pingAt` no longer covers expected times. */
export function coveredUntil(spec: HeartbeatSpec, pingAt: Instant): Instant {
  if (spec.schedule.kind === 'interval') return pingAt
  return pingAt + Math.min(EARLY_PING_TOLERANCE_MS, spec.graceSeconds * 1000)
}

/**
 * Returns the pings expected in (from, to], each with its deadline, oldest first, at most
 * `limit`. An interval schedule is counted from `from`, as if a ping arrived then.
 * @example expectedDeadlines(nightlyAt2amNewYork, dayStart, dayStart + 7 * DAY_MS) // 7 pings, DST-aware
 */
export function expectedDeadlines(spec: HeartbeatSpec, from: Instant, to: Instant, limit = DEFAULT_LIMIT): ExpectedPing[] {
  const graceMs = spec.graceSeconds * 1000
  const pings: ExpectedPing[] = []
  let expectedAt = nextExpectedAfter(spec.schedule, from, from)
  while (expectedAt !== null && expectedAt <= to && pings.length < limit) {
    pings.push({ expectedAt, deadline: expectedAt + graceMs })
    expectedAt = nextExpectedAfter(spec.schedule, from, expectedAt)
  }
  return pings
}
