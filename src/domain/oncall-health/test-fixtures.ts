/**
 * Builders for this folder's tests: fixed instants from RFC 3339 text, people with Tend's
 * default hours, notification records and the pages → wake-ups pipeline. Not exported by
 * index.ts; tests only.
 */
import { localTime, parseInstant, type Instant, type Weekday } from '../../lib/time/index.js'
import { classifyPages } from './classify.js'
import type { ClassifiedPage, NotificationRecord, PersonHours, WakeUp } from './model.js'
import { derivePages } from './pages.js'
import { groupWakeUps } from './wake-ups.js'

/** Parses RFC 3339 text with an offset, throwing on anything else. */
export function at(s: string): Instant {
  const i = parseInstant(s)
  if (i === null) throw new Error(`bad instant in test: ${s}`)
  return i
}

/** A person with Tend's default hours (sleep 22:00–08:00, Mon–Fri 09:00–17:00) unless overridden. */
export function person(
  id: string,
  timeZone: string,
  hours: { sleep?: readonly [string, string]; work?: readonly [string, string]; days?: readonly Weekday[] } = {},
): PersonHours {
  const [sleepStart, sleepEnd] = hours.sleep ?? ['22:00', '08:00']
  const [workStart, workEnd] = hours.work ?? ['09:00', '17:00']
  return {
    id,
    timeZone,
    sleepHours: { start: localTime(sleepStart), end: localTime(sleepEnd) },
    workingHours: { days: hours.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime(workStart), end: localTime(workEnd) },
  }
}

/** A notification record that reached the person on an interrupting channel, unless overridden. */
export function sent(alertId: string | null, userId: string, when: string, more: Partial<NotificationRecord> = {}): NotificationRecord {
  return { alertId, userId, sentAt: at(when), interrupting: true, status: 'sent', ...more }
}

/** Pages for one person at the given times, one alert each (a1, a2, …), classified. */
export function pagesAt(p: PersonHours, times: readonly string[]): ClassifiedPage[] {
  return classifyPages(derivePages(times.map((t, i) => sent(`a${i + 1}`, p.id, t))), [p])
}

/** Wake-ups for one person paged at the given times, one alert each. */
export function wakeUpsAt(p: PersonHours, times: readonly string[], spanMinutes?: number): WakeUp[] {
  return groupWakeUps(pagesAt(p, times), spanMinutes)
}
