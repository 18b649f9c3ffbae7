/**
 * The time module: the only code in Tend that knows about zones, offsets and Luxon.
 *
 * Three kinds of value, never mixed up:
 * - Instant: a point on the UTC timeline, epoch milliseconds.
 * - LocalDate / LocalTime / WallMinutes: wall-clock readings, meaningless without a zone.
 * - a zone: an IANA name such as "Europe/Berlin" (never a fixed offset).
 *
 * Local times that a zone skips or repeats resolve by one rule (see zoned.ts): skipped times
 * move forward by the gap length, repeated times take the earlier occurrence.
 * @module
 */
export type { Instant } from './instant.js'
export { formatInstant, isInstant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './instant.js'
export type { LocalTime } from './local-time.js'
export { localTime, localTimeFromMinutes, localTimeMinutes, parseLocalTime } from './local-time.js'
export type { CivilDate } from './civil.js'
export type { LocalDate, Weekday } from './local-date.js'
export {
  addLocalDays,
  formatLocalDate,
  localDate,
  parseLocalDate,
  toCivilDate,
  weekdayOf,
  WEEKDAYS,
} from './local-date.js'
export { canonicalTimeZone, isValidTimeZone } from './zone.js'
export type { LocalFormat, LocalParts, WallMinutes, WallResolution } from './zoned.js'
export {
  formatLocal,
  instantToWallMinutes,
  localDateOf,
  localToInstant,
  resolveWall,
  startOfLocalDay,
  startOfWallDay,
  toLocal,
  wallDate,
  wallMinutesOf,
  wallToInstant,
  weekdayOfWall,
} from './zoned.js'
export type { Clock } from './clock.js'
export { ManualClock, systemClock } from './clock.js'
export { cronSchedule, cronScheduleError, cronTimes, nextCronTime, type CronSchedule } from './cron.js'

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000
/** Milliseconds in 24 hours: instant arithmetic only; a local day can be 23 or 25 hours. */
export const DAY_MS = 86_400_000
/** Minutes in a wall-clock day, for WallMinutes arithmetic. */
export const DAY_MINUTES = 1440
