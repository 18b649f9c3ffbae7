/**
 * Sleep-in: after a sleep-hours wake-up the person starts late on the working day the night
 * leads into, and they and their team are told (Tend design §1.2). No vendor does this; the
 * nearest prior art is an HR glossary's rule of thumb, a secondary source ("a night callout over 4 h
 * triggers a late start next day"), and the EU's 11 h daily rest (Directive 2003/88/EC Art. 3).
 *
 * Policies:
 * - 'next-working-day-later' (default, 3 h): the normal start plus `hours` (09:00 → 12:00);
 * - 'after-wake-up': the wake-up's end (or the end of the work it caused, when known) plus
 *   `hours`, never earlier than the normal start.
 * The late start never passes the end of that working period: then the day is off.
 *
 * "The working day the night leads into" is the working period that starts on the local date
 * the sleep period ends (the morning after). When that date is not a working day there is no
 * late start to give (a Friday-night page does not move Monday); the time is still owed, and the
 * compensation ledger pays it. Later wake-ups in the same night only ever move the start later,
 * so the engine may recompute after each one and re-send the notice when the time changed.
 */
import type { Instant, LocalDate } from '../../lib/time/index.js'
import { HOUR_MS, localDateOf } from '../../lib/time/index.js'
import { workingWindowOn } from './hours-windows.js'
import type { PersonHours, WakeUp } from './model.js'

/** How late a person starts after a sleep-hours wake-up. */
export type SleepInPolicy =
  | { readonly mode: 'next-working-day-later'; readonly hours: number }
  | { readonly mode: 'after-wake-up'; readonly hours: number }

/** Default: the next working day starts 3 hours later. */
export const DEFAULT_SLEEP_IN_POLICY: SleepInPolicy = Object.freeze({ mode: 'next-working-day-later', hours: 3 })

/** A late start owed to a person for a night. */
export interface SleepIn {
  readonly userId: string
  readonly timeZone: string
  readonly night: LocalDate
  /** The first page of each wake-up that night, in order. */
  readonly wokenAt: readonly Instant[]
  readonly normalStart: Instant
  readonly lateStart: Instant
  /** The late start reached the end of that working period: the whole day is off. */
  readonly dayOff: boolean
}

/** What computeSleepIn needs. */
export interface SleepInInput {
  readonly person: PersonHours
  /** The person's wake-ups; only the latest night among them is used. */
  readonly wakeUps: readonly WakeUp[]
  readonly policy?: SleepInPolicy
  /** When the work the wake-up caused ended (e.g. the alert's resolve), if later than its last page. */
  readonly workedUntil?: Instant
}

/** Computes the late start owed for the latest night, or null when no working day follows it. */
export function computeSleepIn(input: SleepInInput): SleepIn | null {
  const policy = input.policy ?? DEFAULT_SLEEP_IN_POLICY
  if (!(policy.hours >= 0)) throw new RangeError(`sleep-in hours must be ≥ 0, got ${policy.hours}`)
  const night = latestNight(input.wakeUps.filter((w) => w.userId === input.person.id))
  const last = night.at(-1)
  if (last === undefined) return null
  const morning = localDateOf(last.sleepPeriod.end, input.person.timeZone)
  const workday = workingWindowOn(input.person, morning)
  if (workday === null) return null
  const awakeUntil = Math.max(last.end, input.workedUntil ?? last.end)
  const wanted = policy.mode === 'next-working-day-later' ? workday.start + policy.hours * HOUR_MS : Math.max(workday.start, awakeUntil + policy.hours * HOUR_MS)
  return {
    userId: input.person.id,
    timeZone: input.person.timeZone,
    night: last.night,
    wokenAt: night.map((w) => w.start),
    normalStart: workday.start,
    lateStart: Math.min(wanted, workday.end),
    dayOff: wanted >= workday.end,
  }
}

/** Returns the wake-ups of the latest night among them, in time order. */
function latestNight(wakeUps: readonly WakeUp[]): WakeUp[] {
  const latest = wakeUps.reduce<WakeUp | null>((l, w) => (l === null || w.start > l.start ? w : l), null)
  if (latest === null) return []
  return wakeUps.filter((w) => w.night === latest.night).sort((a, b) => a.start - b.start)
}
