/**
 * Wording shared by the gate's messages: instants in the policy's zone, durations, weekly spans.
 * Within a week the weekday is enough ("Tue 09:00 Europe/Berlin"); further out the date is added.
 */
import { DAY_MS, formatLocal, MINUTE_MS, WEEKDAYS, type Instant, type Weekday } from '../../lib/time/index.js'
import type { StaffedHours } from './model.js'

/** Formats `i` for a message read at `now`. */
export function describeInstant(i: Instant, zone: string, now: Instant): string {
  return i - now < 6 * DAY_MS ? formatLocal(i, zone) : formatLocal(i, zone, 'date-time')
}

/** Formats a duration as "2 h 30 min", "45 min" or "3 h" (rounded down to the minute). */
export function describeDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

const label = (d: Weekday): string => d.charAt(0).toUpperCase() + d.slice(1)

/** Formats weekdays as "Mon–Fri" or "Mon, Wed, Fri": runs of three or more days are joined. */
export function describeDays(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b)
  const runs: number[][] = []
  for (const i of indexes) {
    const run = runs[runs.length - 1]
    if (run !== undefined && run[run.length - 1] === i - 1) run.push(i)
    else runs.push([i])
  }
  const name = (i: number | undefined) => label(WEEKDAYS[i ?? 0] as Weekday)
  return runs.map((r) => (r.length >= 3 ? `${name(r[0])}–${name(r[r.length - 1])}` : r.map(name).join(', '))).join(', ')
}

/** Formats weekly hours as "Mon–Fri 09:00–17:00". */
export function describeHours(hours: StaffedHours): string {
  return hours.days.length === 0 ? 'no staffed days' : `${describeDays(hours.days)} ${hours.start}–${hours.end}`
}
