/**
 * Instants: points on the UTC timeline as epoch milliseconds, and their RFC 3339 text form.
 * Text always carries an offset; a time without one is a wall-clock reading, not an instant.
 */
import { civilFromDays, daysFromCivil, floorDiv, isCivilDate, mod, MS_PER_DAY, MS_PER_MINUTE, pad2, pad4 } from './civil.js'
import { offsetMsAt } from './zone.js'

/** A point in time: milliseconds since 1970-01-01T00:00:00Z (UTC epoch ms). */
export type Instant = number

/** 0001-01-01T00:00:00.000Z, the earliest instant RFC 3339 text can carry here. */
export const MIN_INSTANT: Instant = daysFromCivil(1, 1, 1) * MS_PER_DAY
/** 9999-12-31T23:59:59.999Z, the latest instant RFC 3339 text can carry. */
export const MAX_INSTANT: Instant = daysFromCivil(10_000, 1, 1) * MS_PER_DAY - 1

/** Whether `n` is an integer number of epoch milliseconds within years 0001–9999. */
export function isInstant(n: unknown): n is Instant {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_INSTANT && n <= MAX_INSTANT
}

// RFC 3339 §5.6 date-time: seconds and an offset are required; "t"/"z" may be lower case.
// Leap seconds (":60") are rejected: epoch milliseconds cannot represent them.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/**
 * Parses RFC 3339 text with a required "Z" or numeric offset, returning null for anything else.
 * Fractions beyond milliseconds are truncated.
 * @example parseInstant('2024-03-10T09:00:00-04:00') // 1710075600000
 */
export function parseInstant(s: string): Instant | null {
  const m = RFC3339.exec(s)
  if (m === null) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ]
  if (!isCivilDate(year, month, day) || year < 1 || hour > 23 || minute > 59 || second > 59) return null
  const offsetHours = Number(m[10] ?? 0)
  const offsetMinutes = Number(m[11] ?? 0)
  if (offsetHours > 23 || offsetMinutes > 59) return null
  const offsetSign = m[9] === '-' ? -1 : 1
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const wallMs = (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute) * MS_PER_MINUTE + second * 1000 + millis
  const instant = wallMs - offsetSign * (offsetHours * 60 + offsetMinutes) * MS_PER_MINUTE
  return isInstant(instant) ? instant : null
}

/**
 * Formats an instant as RFC 3339 with milliseconds: "Z" without a zone, the zone's numeric
 * offset with one (also "+00:00" for UTC zones, so the text says which offset was applied).
 * Pre-1900 local mean time offsets have seconds, which RFC 3339 cannot carry: they are rounded
 * to the minute and the local time shown for that rounded offset, so the text stays exact.
 * @example formatInstant(1772892000000, 'America/New_York') // "2026-03-07T09:00:00.000-05:00"
 */
export function formatInstant(i: Instant, zone?: string): string {
  if (!isInstant(i)) throw new RangeError(`not an instant within years 0001–9999: ${i}`)
  if (zone === undefined) return `${formatWallMs(i)}Z`
  const offsetMinutes = Math.round(offsetMsAt(zone, i) / MS_PER_MINUTE)
  return formatWallMs(i + offsetMinutes * MS_PER_MINUTE) + formatOffset(offsetMinutes)
}

/** Formats a wall-clock reading held as "ms since 1970-01-01T00:00 of that clock" without offset. */
function formatWallMs(wallMs: number): string {
  const date = civilFromDays(floorDiv(wallMs, MS_PER_DAY))
  const msOfDay = mod(wallMs, MS_PER_DAY)
  const hour = Math.floor(msOfDay / 3_600_000)
  const minute = Math.floor(msOfDay / MS_PER_MINUTE) % 60
  const second = Math.floor(msOfDay / 1000) % 60
  const millis = String(msOfDay % 1000).padStart(3, '0')
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${millis}`
}

/** Formats an offset in minutes as "+HH:MM" / "-HH:MM". */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}
