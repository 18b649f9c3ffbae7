/**
 * A person's local daily hours (sleep hours, working hours) as windows of instants in their own
 * zone. users/hours.ts answers "is this instant inside?"; reports also need the windows
 * themselves: which night a page interrupted, and how much of an engagement fell outside
 * working hours. The rule is the same as there, and hours-windows.test.ts checks the two agree:
 * - a window starts on a local date at `start`; `end <= start` means it ends the next day;
 * - local times a zone skips or repeats resolve by lib/time's rule (gaps move forward, repeated
 *   times take the earlier occurrence), so a sleep period across a DST change is one period of
 *   9 or 11 real hours, never two.
 */
import {
  addLocalDays,
  localDateOf,
  localTimeMinutes,
  localToInstant,
  weekdayOf,
  type Instant,
  type LocalDate,
} from '../../lib/time/index.js'
import type { DailyHours } from '../users/index.js'
import type { PersonHours, SleepPeriod, TimeRange } from './model.js'
import { contains } from './ranges.js'

/** Returns the window of `hours` that starts on local `date` in `zone`. */
export function dailyWindowOn(zone: string, date: LocalDate, hours: DailyHours): TimeRange {
  const crossesMidnight = localTimeMinutes(hours.end) <= localTimeMinutes(hours.start)
  const endDate = crossesMidnight ? addLocalDays(date, 1) : date
  return { start: localToInstant(zone, date, hours.start), end: localToInstant(zone, endDate, hours.end) }
}

/** Returns the sleep period that contains `at`, keyed by the local date it began, or null when awake. */
export function sleepPeriodAt(person: Pick<PersonHours, 'timeZone' | 'sleepHours'>, at: Instant): SleepPeriod | null {
  const today = localDateOf(at, person.timeZone)
  // A sleep period lasts at most a day, so one containing `at` began yesterday or today.
  for (const night of [addLocalDays(today, -1), today]) {
    const w = dailyWindowOn(person.timeZone, night, person.sleepHours)
    if (contains(w, at)) return { ...w, night }
  }
  return null
}

/** Returns the working window that starts on local `date`, or null when it is not a working day. */
export function workingWindowOn(person: Pick<PersonHours, 'timeZone' | 'workingHours'>, date: LocalDate): TimeRange | null {
  if (!person.workingHours.days.includes(weekdayOf(date))) return null
  return dailyWindowOn(person.timeZone, date, person.workingHours)
}

/** Returns the working windows that overlap `range`, in time order. */
export function workingWindowsOverlapping(person: Pick<PersonHours, 'timeZone' | 'workingHours'>, range: TimeRange): TimeRange[] {
  const out: TimeRange[] = []
  const last = localDateOf(range.end, person.timeZone)
  // Start a day early: a window that crosses midnight may have begun the day before.
  for (let date = addLocalDays(localDateOf(range.start, person.timeZone), -1); date <= last; date = addLocalDays(date, 1)) {
    const w = workingWindowOn(person, date)
    if (w !== null && w.start < range.end && w.end > range.start) out.push(w)
  }
  return out
}

/** Whether `at` falls inside the person's working hours, in their own zone. */
export function inWorkingHours(person: Pick<PersonHours, 'timeZone' | 'workingHours'>, at: Instant): boolean {
  return workingWindowsOverlapping(person, { start: at, end: at + 1 }).some((w) => contains(w, at))
}
