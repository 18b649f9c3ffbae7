/**
 * Cron schedules in an IANA zone: the only code that knows about `cron-parser`.
 *
 * We accept the classic five fields (minute hour day-of-month month day-of-week), with names
 * (MON, JAN), ranges, lists, steps, `L` and `#`. We reject a seconds field (pings are judged to
 * the minute) and `H` (cron-parser fills it with a random value unless seeded, and a schedule
 * must mean the same thing on every instance of Tend).
 *
 * cron-parser only ever reads the wall clock here: we run it in UTC over wall-clock minutes and
 * map each match onto the timeline with `wallToInstant`. Its own zone handling loops forever at
 * Lord Howe's 30-minute transition and its `prev()` skips the spring-forward occurrence, and
 * this way every DST decision follows the one rule of lib/time (zoned.ts):
 * - a wall time the zone skips fires at that time moved forward by the gap ("0 2 * * *" in
 *   New York fires at 03:00 EDT on the spring-forward day);
 * - a wall time the zone repeats fires once, at its earlier occurrence, for every schedule
 *   (even "*\/30 * * * *": nothing fires during the second pass through the repeated hour).
 */
import { CronExpressionParser, type CronExpression } from 'cron-parser'
import { MS_PER_MINUTE } from './civil.js'
import type { Instant } from './instant.js'
import { isValidTimeZone } from './zone.js'
import { instantToWallMinutes, wallToInstant, type WallMinutes } from './zoned.js'

/** A validated five-field cron expression and the IANA zone its wall times are read in. */
export interface CronSchedule {
  readonly expression: string
  readonly timeZone: string
}

const FIELD_COUNT = 5
// Far enough back that validation never depends on today's date: purity over convenience.
const VALIDATION_REFERENCE: Instant = Date.UTC(2000, 0, 1)
const CACHE_LIMIT = 500
// A repeated hour holds at most 60 minute matches; a 3-hour overlap (none exists today) 180.
const MAX_SKIPPED_MATCHES = 200

// Parsing costs about 0.3 ms; heartbeat sweeps ask about the same few schedules over and over.
// A parsed expression is an iterator, so every use resets it to the reading it starts from.
const parsed = new Map<string, CronExpression>()

function parse(expression: string): CronExpression {
  let cron = parsed.get(expression)
  if (cron === undefined) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear()
    cron = CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: VALIDATION_REFERENCE })
    parsed.set(expression, cron)
  }
  return cron
}

/** Returns the first wall-clock reading after `wall` that the expression matches, or null. */
function nextMatchingWall(expression: string, wall: WallMinutes): WallMinutes | null {
  const cron = parse(expression)
  // Wall minutes read as UTC epoch minutes: cron-parser sees a clock without transitions.
  cron.reset(new Date(wall * MS_PER_MINUTE))
  try {
    return (cron.next().getTime() / MS_PER_MINUTE) as WallMinutes
  } catch {
    // cron-parser gives up after a loop limit (e.g. "0 0 31 * 1#5" may never line up).
    return null
  }
}

/**
 * Returns why `expression` is not a usable five-field cron schedule in `timeZone`, or null if it is.
 * @example cronScheduleError('0 2 * * *', 'America/New_York') // null
 */
export function cronScheduleError(expression: string, timeZone: string): string | null {
  if (!isValidTimeZone(timeZone)) return `unknown time zone "${timeZone}"`
  const fields = expression.trim().split(/\s+/).filter((f) => f !== '')
  if (fields.length !== FIELD_COUNT) return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`
  // THU is the only field name with an "h" in it.
  if (/h/i.test(expression.replace(/thu/gi, ''))) return '"H" (random) values are not supported'
  try {
    parse(fields.join(' '))
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid cron expression'
  }
  if (nextCronTime({ expression: fields.join(' '), timeZone }, VALIDATION_REFERENCE) === null) return 'the expression never fires'
  return null
}

/** Returns the schedule with its fields single-spaced, or throws a RangeError saying what is wrong. */
export function cronSchedule(expression: string, timeZone: string): CronSchedule {
  const error = cronScheduleError(expression, timeZone)
  if (error !== null) throw new RangeError(`invalid cron schedule: ${error}`)
  return { expression: expression.trim().split(/\s+/).join(' '), timeZone }
}

/** Returns the first time the schedule fires strictly after `after`, or null if it never does again. */
export function nextCronTime(schedule: CronSchedule, after: Instant): Instant | null {
  let wall: WallMinutes | null = instantToWallMinutes(after, schedule.timeZone)
  // A match can resolve to an instant not after `after`: the earlier pass of a repeated hour,
  // or a skipped time pushed onto one that already fired. Skip those and keep reading forward.
  for (let guard = 0; guard < MAX_SKIPPED_MATCHES; guard++) {
    wall = nextMatchingWall(schedule.expression, wall)
    if (wall === null) return null
    const instant = wallToInstant(schedule.timeZone, wall)
    if (instant > after) return instant
  }
  return null
}

/**
 * Returns the times the schedule fires in (after, until], ascending, at most `limit` of them.
 * @example cronTimes(cronSchedule('0 2 * * *', 'UTC'), day0, day0 + 7 * DAY_MS, 100) // 7 instants
 */
export function cronTimes(schedule: CronSchedule, after: Instant, until: Instant, limit: number): Instant[] {
  const times: Instant[] = []
  let cursor = after
  while (times.length < limit) {
    const next = nextCronTime(schedule, cursor)
    if (next === null || next > until) break
    times.push(next)
    cursor = next
  }
  return times
}
