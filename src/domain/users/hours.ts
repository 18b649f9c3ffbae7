import { addLocalDays, localDateOf, localTimeMinutes, localToInstant, weekdayOf, type Instant, type LocalDate } from '../../lib/time/index.js'
import type { DailyHours, User, WorkingHours } from './model.js'

/** A stretch of local hours turned into instants: [start, end). */
interface Window {
  readonly start: Instant
  readonly end: Instant
}

/** The window of `hours` that starts on local `date` in `zone` (ending the next day when end ≤ start). */
function windowOn(zone: string, date: LocalDate, hours: DailyHours): Window {
  const crossesMidnight = localTimeMinutes(hours.end) <= localTimeMinutes(hours.start)
  return { start: localToInstant(zone, date, hours.start), end: localToInstant(zone, crossesMidnight ? addLocalDays(date, 1) : date, hours.end) }
}

/** Working windows that start on the days around `at`, in time order. */
function workingWindows(zone: string, hours: WorkingHours, at: Instant, daysAhead: number): Window[] {
  const today = localDateOf(at, zone)
  const out: Window[] = []
  for (let d = -1; d <= daysAhead; d++) {
    const date = addLocalDays(today, d)
    if (hours.days.includes(weekdayOf(date))) out.push(windowOn(zone, date, hours))
  }
  return out
}

/** Whether `at` falls inside the person's working hours, in their own zone. */
export function isWorkingTime(user: Pick<User, 'timeZone' | 'workingHours'>, at: Instant): boolean {
  return workingWindows(user.timeZone, user.workingHours, at, 0).some((w) => w.start <= at && at < w.end)
}

/**
 * When a low-urgency message may reach the person: `at` itself inside working hours, else the
 * start of their next working period in their zone (a 02:00 alert reaches them at 09:00).
 */
export function nextWorkingStart(user: Pick<User, 'timeZone' | 'workingHours'>, at: Instant): Instant {
  for (const w of workingWindows(user.timeZone, user.workingHours, at, 8)) {
    if (w.start <= at && at < w.end) return at
    if (w.start > at) return w.start
  }
  // Working days always recur within a week; this is only reached with no working days at all.
  return at
}

/** Whether `at` falls inside the person's sleep hours (default 22:00–08:00 local). */
export function isSleepTime(user: Pick<User, 'timeZone' | 'sleepHours'>, at: Instant): boolean {
  const today = localDateOf(at, user.timeZone)
  return [-1, 0].some((d) => {
    const w = windowOn(user.timeZone, addLocalDays(today, d), user.sleepHours)
    return w.start <= at && at < w.end
  })
}
