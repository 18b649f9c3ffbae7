/**
 * Wall-clock times of day ("HH:MM", 24h). A LocalTime is not an instant: it only means
 * something together with a date and an IANA zone.
 */
import { MINUTES_PER_DAY, pad2 } from './civil.js'

/** Wall-clock time of day in some zone, "HH:MM" (24h). Not an instant. */
export type LocalTime = string & { readonly __brand: 'LocalTime' }

// "24:00" is deliberately not accepted: a day's end is the next day's "00:00".
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Parses "HH:MM" (00:00–23:59), returning null for anything else. */
export function parseLocalTime(s: string): LocalTime | null {
  return LOCAL_TIME.test(s) ? (s as LocalTime) : null
}

/**
 * Returns the LocalTime for a literal known to be valid; throws RangeError otherwise.
 * @example const nineAm = localTime('09:00')
 */
export function localTime(s: string): LocalTime {
  const parsed = parseLocalTime(s)
  if (parsed === null) throw new RangeError(`not a local time (HH:MM, 24h): "${s}"`)
  return parsed
}

/** Returns the minutes since local midnight, 0–1439. */
export function localTimeMinutes(t: LocalTime): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
}

/** Returns the LocalTime that is `minutes` after local midnight (0–1439). */
export function localTimeFromMinutes(minutes: number): LocalTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) {
    throw new RangeError(`minutes must be an integer in [0, 1440), got ${minutes}`)
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` as LocalTime
}
