/**
 * Converting between instants and wall-clock readings in an IANA zone.
 *
 * Rule for local times that do not map to exactly one instant (RFC 5545 §3.3.5 and Temporal's
 * "compatible" disambiguation agree on it):
 * - A time skipped by a forward transition (spring-forward gap) moves forward by the length of
 *   the gap: 02:30 on 2024-03-10 in America/New_York is 03:30 EDT (07:30Z).
 * - A time that occurs twice (fall-back overlap) takes the earlier occurrence: 01:30 on
 *   2024-11-03 in America/New_York is 01:30 EDT (05:30Z), not 01:30 EST.
 * Luxon agrees on gaps but picks the later occurrence in New York and Berlin overlaps (and the
 * earlier one at Lord Howe), so the rule is enforced here rather than inherited.
 */
import { civilFromDays, floorDiv, mod, MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from './civil.js'
import { formatOffset, type Instant } from './instant.js'
import {
  dayNumberOf,
  formatLocalDate,
  localDateFromDayNumber,
  weekdayOfDayNumber,
  type LocalDate,
  type Weekday,
} from './local-date.js'
import type { CivilDate } from './civil.js'
import { localTimeFromMinutes, localTimeMinutes, type LocalTime } from './local-time.js'
import { offsetMsAt } from './zone.js'

/**
 * A wall-clock reading as whole minutes since 1970-01-01 00:00 of that wall clock. It is not an
 * instant (it has no zone); it exists so rotations can add wall-clock hours and days cheaply.
 */
export type WallMinutes = number & { readonly __brand: 'WallMinutes' }

/** How a wall-clock reading maps onto the timeline in a zone. */
export interface WallResolution {
  readonly instant: Instant
  /** 'gap': the reading did not exist and moved forward by gapMs; 'overlap': it existed twice, the earlier was taken. */
  readonly kind: 'exact' | 'gap' | 'overlap'
  readonly gapMs: number
}

/** The wall-clock fields of an instant in a zone. */
export interface LocalParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly weekday: Weekday
  readonly date: LocalDate
  readonly time: LocalTime
  /** Offset from UTC in minutes, positive east (may be fractional before 1900: local mean time). */
  readonly offsetMinutes: number
}

/** Returns the wall-clock reading of a date at a time of day. */
export function wallMinutesOf(date: LocalDate | CivilDate, time: LocalTime): WallMinutes {
  return (dayNumberOf(date) * MINUTES_PER_DAY + localTimeMinutes(time)) as WallMinutes
}

/** Returns the wall-clock reading (floored to the minute) of an instant in a zone. */
export function instantToWallMinutes(i: Instant, zone: string): WallMinutes {
  return floorDiv(i + offsetMsAt(zone, i), MS_PER_MINUTE) as WallMinutes
}

/** Returns the weekday of a wall-clock reading. */
export function weekdayOfWall(wall: WallMinutes): Weekday {
  return weekdayOfDayNumber(floorDiv(wall, MINUTES_PER_DAY))
}

/** Returns the wall-clock reading at midnight starting the reading's day. */
export function startOfWallDay(wall: WallMinutes): WallMinutes {
  return (floorDiv(wall, MINUTES_PER_DAY) * MINUTES_PER_DAY) as WallMinutes
}

/** Returns the local date of a wall-clock reading. */
export function wallDate(wall: WallMinutes): LocalDate {
  return localDateFromDayNumber(floorDiv(wall, MINUTES_PER_DAY))
}

/** Maps a wall-clock reading in a zone to an instant, reporting gaps and overlaps (see the module rule). */
export function resolveWall(zone: string, wall: WallMinutes): WallResolution {
  const wallMs = wall * MS_PER_MINUTE
  // Offsets span −12h…+14h, so the instant lies within a day of wallMs read as UTC; with at
  // most one transition in that window, the offsets a day either side are the only candidates.
  const before = offsetMsAt(zone, wallMs - MS_PER_DAY)
  const after = offsetMsAt(zone, wallMs + MS_PER_DAY)
  if (before === after) return { instant: wallMs - before, kind: 'exact', gapMs: 0 }
  const early = wallMs - before
  const late = wallMs - after
  const earlyValid = offsetMsAt(zone, early) === before
  const lateValid = offsetMsAt(zone, late) === after
  if (earlyValid && lateValid) return { instant: Math.min(early, late), kind: 'overlap', gapMs: 0 }
  if (earlyValid) return { instant: early, kind: 'exact', gapMs: 0 }
  if (lateValid) return { instant: late, kind: 'exact', gapMs: 0 }
  // In a gap, reading the time with the pre-transition offset lands gapMs past the gap start.
  return { instant: early, kind: 'gap', gapMs: after - before }
}

/** Maps a wall-clock reading in a zone to an instant (gaps move forward, overlaps take the earlier). */
export function wallToInstant(zone: string, wall: WallMinutes): Instant {
  return resolveWall(zone, wall).instant
}

/**
 * Returns the instant at which a zone's clocks read `time` on `date` (gaps move forward by the
 * gap length, overlaps take the earlier occurrence).
 * @example localToInstant('America/New_York', localDate('2024-03-10'), localTime('02:30')) // 03:30 EDT
 */
export function localToInstant(zone: string, date: LocalDate | CivilDate, time: LocalTime): Instant {
  return wallToInstant(zone, wallMinutesOf(date, time))
}

/** Returns the wall-clock fields of an instant in a zone. */
export function toLocal(i: Instant, zone: string): LocalParts {
  const offsetMs = offsetMsAt(zone, i)
  const wallMs = i + offsetMs
  const dayNumber = floorDiv(wallMs, MS_PER_DAY)
  const minuteOfDay = Math.floor(mod(wallMs, MS_PER_DAY) / MS_PER_MINUTE)
  const civil = civilFromDays(dayNumber)
  return {
    ...civil,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    weekday: weekdayOfDayNumber(dayNumber),
    date: formatLocalDate(civil),
    time: localTimeFromMinutes(minuteOfDay),
    offsetMinutes: offsetMs / MS_PER_MINUTE,
  }
}

/** Returns the local date of an instant in a zone. */
export function localDateOf(i: Instant, zone: string): LocalDate {
  return localDateFromDayNumber(floorDiv(i + offsetMsAt(zone, i), MS_PER_DAY))
}

/** Returns the instant a local date begins in a zone (its first existing minute). */
export function startOfLocalDay(zone: string, date: LocalDate | CivilDate): Instant {
  return wallToInstant(zone, (dayNumberOf(date) * MINUTES_PER_DAY) as WallMinutes)
}

/** Human text styles for formatLocal. */
export type LocalFormat = 'weekday-time' | 'date-time' | 'full'

const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun',
}

/**
 * Formats an instant for people, in a zone.
 * @example formatLocal(i, 'Europe/Berlin')         // "Tue 09:00 Europe/Berlin"
 * @example formatLocal(i, 'Europe/Berlin', 'full') // "Tue 2024-03-12 09:00 Europe/Berlin (UTC+01:00)"
 */
export function formatLocal(i: Instant, zone: string, fmt: LocalFormat = 'weekday-time'): string {
  // A storm renders the same few instants (now, a bundle's due time) for every alert.
  const key = `${i} ${zone} ${fmt}`
  const known = formatted.get(key)
  if (known !== undefined) return known
  if (formatted.size >= FORMATTED_KEPT) formatted.clear()
  const text = formatLocalUncached(i, zone, fmt)
  formatted.set(key, text)
  return text
}

/** Recent formatLocal results; cleared when full (the same instants repeat within a burst). */
const formatted = new Map<string, string>()
const FORMATTED_KEPT = 512

function formatLocalUncached(i: Instant, zone: string, fmt: LocalFormat): string {
  const local = toLocal(i, zone)
  const weekday = WEEKDAY_LABELS[local.weekday]
  switch (fmt) {
    case 'weekday-time':
      return `${weekday} ${local.time} ${zone}`
    case 'date-time':
      return `${local.date} ${local.time} ${zone}`
    case 'full':
      return `${weekday} ${local.date} ${local.time} ${zone} (UTC${formatOffset(Math.round(local.offsetMinutes))})`
  }
}
