/**
 * ISO 8601 weeks ("2026-W48"): Monday to Sunday, week 1 being the week with the year's first
 * Thursday. Reports use them as the team's calendar week, starting Monday 00:00 in the team's
 * zone (so a week across a DST change has 167 or 169 hours). Pure.
 */
import { addLocalDays, formatLocalDate, localDateOf, startOfLocalDay, toCivilDate, weekdayOf, WEEKDAYS, type Instant, type LocalDate } from '../../lib/time/index.js'
import type { TimeRange } from './model.js'

const ISO_WEEK = /^(\d{4})-W(\d{2})$/

/** Monday of ISO week 1 of a year. */
function week1Monday(year: number): LocalDate {
  const jan4 = formatLocalDate({ year, month: 1, day: 4 })
  return addLocalDays(jan4, -WEEKDAYS.indexOf(weekdayOf(jan4)))
}

/** Returns the Monday of an ISO week label, or null when it is not a real week ("2026-W54"). */
export function parseIsoWeek(label: string): LocalDate | null {
  const m = ISO_WEEK.exec(label)
  if (m === null) return null
  const year = Number(m[1])
  const week = Number(m[2])
  if (week < 1 || year < 1 || year > 9998) return null
  const monday = addLocalDays(week1Monday(year), (week - 1) * 7)
  return isoWeekOf(monday) === label ? monday : null
}

/** Returns the ISO week label of a calendar date. */
export function isoWeekOf(date: LocalDate): string {
  const thursday = addLocalDays(date, 3 - WEEKDAYS.indexOf(weekdayOf(date)))
  const year = toCivilDate(thursday).year
  const week = Math.floor((dayDiff(week1Monday(year), thursday)) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Returns the instants an ISO week spans in a zone: Monday 00:00 to the next Monday 00:00. */
export function isoWeekRange(monday: LocalDate, zone: string): TimeRange {
  return { start: startOfLocalDay(zone, monday), end: startOfLocalDay(zone, addLocalDays(monday, 7)) }
}

/** The last complete ISO week before `at` in a zone (the week a report sent at `at` covers). */
export function previousIsoWeek(at: Instant, zone: string): LocalDate {
  const today = localDateOf(at, zone)
  const thisMonday = addLocalDays(today, -WEEKDAYS.indexOf(weekdayOf(today)))
  return addLocalDays(thisMonday, -7)
}

function dayDiff(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}


