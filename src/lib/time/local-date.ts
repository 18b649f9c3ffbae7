/**
 * Calendar dates with no zone ("YYYY-MM-DD") and weekdays. Dates are the local dates of a
 * zone; pairing one with a LocalTime and a zone (see zoned.ts) gives an instant.
 */
import { civilFromDays, daysFromCivil, isCivilDate, mod, pad2, pad4, type CivilDate } from './civil.js'

/** A calendar date "YYYY-MM-DD" in some zone's calendar. Not an instant. */
export type LocalDate = string & { readonly __brand: 'LocalDate' }

/** Day of the week, ISO order (Monday first). */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/** Every weekday in ISO order, Monday first. */
export const WEEKDAYS: readonly Weekday[] = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses "YYYY-MM-DD" naming a real calendar date, returning null for anything else. */
export function parseLocalDate(s: string): LocalDate | null {
  const m = LOCAL_DATE.exec(s)
  if (m === null) return null
  return isCivilDate(Number(m[1]), Number(m[2]), Number(m[3])) ? (s as LocalDate) : null
}

/**
 * Returns the LocalDate for a literal known to be valid; throws RangeError otherwise.
 * @example const springForward = localDate('2024-03-10')
 */
export function localDate(s: string): LocalDate {
  const parsed = parseLocalDate(s)
  if (parsed === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${s}"`)
  return parsed
}

/** Splits a LocalDate (or passes through a CivilDate) into year, month and day. */
export function toCivilDate(date: LocalDate | CivilDate): CivilDate {
  if (typeof date !== 'string') return date
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/** Formats a calendar date as "YYYY-MM-DD" (years 0–9999). */
export function formatLocalDate(date: CivilDate): LocalDate {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}` as LocalDate
}

/** Returns the days since 1970-01-01 of a calendar date. */
export function dayNumberOf(date: LocalDate | CivilDate): number {
  const { year, month, day } = toCivilDate(date)
  return daysFromCivil(year, month, day)
}

/** Returns the LocalDate of a day number (days since 1970-01-01). */
export function localDateFromDayNumber(days: number): LocalDate {
  return formatLocalDate(civilFromDays(days))
}

/** Returns the date `n` calendar days later (earlier when negative). */
export function addLocalDays(date: LocalDate | CivilDate, n: number): LocalDate {
  return localDateFromDayNumber(dayNumberOf(date) + n)
}

/** Returns the weekday of a day number (days since 1970-01-01, a Thursday). */
export function weekdayOfDayNumber(days: number): Weekday {
  return WEEKDAYS[mod(days + 3, 7)] as Weekday
}

/** Returns the weekday of a calendar date. */
export function weekdayOf(date: LocalDate | CivilDate): Weekday {
  return weekdayOfDayNumber(dayNumberOf(date))
}
