/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
 * Pure integer math (Howard Hinnant's `days_from_civil` / `civil_from_days`), so it never
 * depends on the host time zone and works for any year.
 */

/** A calendar date with no zone: year, month 1–12, day 1–31. */
export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000
/** Minutes in a wall-clock day. */
export const MINUTES_PER_DAY = 1440
/** Milliseconds in 24 hours. */
export const MS_PER_DAY = 86_400_000

/** Returns the number of days from 1970-01-01 to the given calendar date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const marchBasedMonth = (month + 9) % 12
  const dayOfYear = Math.floor((153 * marchBasedMonth + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Returns the calendar date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * marchBasedMonth + 2) / 5) + 1
  const month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return { year, month, day }
}

/** Returns the number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1)
}

/** Whether year/month/day name a real calendar date. */
export function isCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** Floors a division so negative numerators round toward minus infinity. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b)
}

/** Returns a modulo that is never negative for a positive divisor. */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b
}

/** Pads to two digits ("7" → "07"). */
export const pad2 = (n: number): string => String(n).padStart(2, '0')
/** Pads to four digits ("987" → "0987"). */
export const pad4 = (n: number): string => String(n).padStart(4, '0')
