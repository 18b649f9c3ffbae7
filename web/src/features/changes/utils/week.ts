import { addLocalDays, formatDay, localToInstant, startOfLocalDay, wallClock, type Instant } from '../../../lib/time'

/** One local day of a calendar week: `[start, end)` instants (23 or 25 h long across a DST change). */
export interface CalendarDay {
  readonly start: Instant
  readonly end: Instant
  /** "Mon 23 Nov" */
  readonly label: string
  readonly weekend: boolean
  /** `YYYY-MM-DD` in the zone, as holidays are written. */
  readonly date: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` of `instant` on the wall clock of `zone`. */
export function localDate(instant: Instant, zone: string): string {
  const w = wallClock(instant, zone)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** Local midnight of the Monday of the week holding `instant`, in `zone`. */
export function weekStartOf(instant: Instant, zone: string): Instant {
  const back = (wallClock(instant, zone).weekday + 6) % 7
  return startOfLocalDay(addLocalDays(instant, zone, -back), zone)
}

/**
 * The week a `?week=YYYY-MM-DD` parameter names (any day of it), or the week of `fallback`.
 * @example weekFromParam('2026-11-25', 'Europe/Berlin', now) // Mon 23 Nov 00:00 CET
 */
export function weekFromParam(param: string | null, zone: string, fallback: Instant): Instant {
  const day = param !== null && /^\d{4}-\d{2}-\d{2}$/.test(param) ? localToInstant(`${param}T12:00`, zone) : null
  return weekStartOf(day ?? fallback, zone)
}

/** The seven local days from `weekStart` (a local midnight) in `zone`. */
export function weekDays(weekStart: Instant, zone: string): readonly CalendarDay[] {
  const days: CalendarDay[] = []
  let start = weekStart
  for (let i = 0; i < 7; i++) {
    const end = startOfLocalDay(addLocalDays(start, zone, 1) + 1, zone)
    const weekday = wallClock(start, zone).weekday
    days.push({ start, end, label: formatDay(start, zone), weekend: weekday === 0 || weekday === 6, date: localDate(start, zone) })
    start = end
  }
  return days
}
