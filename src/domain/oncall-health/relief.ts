/**
 * Relief: a person woken too often is taken off the pager for a recovery period (Tend design
 * §1.2, "the classic 2am, 4am, 6am"). No vendor does this automatically (reference §0, §1.7.2);
 * the defaults are Tend's:
 * - 2 wake-ups in one night: the second wake-up already cost a night's sleep;
 * - 4 wake-ups in 7 days: twice the team's night-page budget (budget.ts), so a person who is
 *   woken a little every night is relieved too, not only one woken a lot in one night;
 * - recovery of 48 hours (two nights' sleep), or until the end of the shift.
 * EU law's 11 hours of daily rest (Directive 2003/88/EC Art. 3) is a floor, not a target.
 *
 * "Per week" is the 7 days up to `now`. Pass the wake-ups since the person's last relief ended:
 * wake-ups already paid for by a relief must not trigger the next one.
 */
import type { Instant } from '../../lib/time/index.js'
import { DAY_MS, HOUR_MS, toLocal } from '../../lib/time/index.js'
import type { TimeRange, WakeUp } from './model.js'

/** How long relief lasts: a fixed recovery period in hours, or until the tired person's shift ends. */
export type RecoveryRule = { readonly mode: 'recovery-period'; readonly hours: number } | { readonly mode: 'end-of-shift' }

/** A team's relief rule: how many wake-ups trigger relief, and how long it lasts. */
export interface ReliefRule {
  readonly wakeUpsPerNight: number
  readonly wakeUpsPerWeek: number
  readonly recovery: RecoveryRule
}

/** Default recovery: 48 hours, two nights' sleep. */
export const DEFAULT_RECOVERY_HOURS = 48

/** Default: relieve after 2 wake-ups in a night or 4 in 7 days, for 48 hours. */
export const DEFAULT_RELIEF_RULE: ReliefRule = Object.freeze({
  wakeUpsPerNight: 2,
  wakeUpsPerWeek: 4,
  recovery: Object.freeze({ mode: 'recovery-period', hours: DEFAULT_RECOVERY_HOURS }),
})

/** Whether relief is needed, and the figures that say why (wake-up times in the person's zone). */
export interface ReliefNeed {
  readonly needed: boolean
  readonly because: string
}

const WEEK_MS = 7 * DAY_MS

/** Decides whether one person's wake-ups call for relief at `now` (limits reached count as needed). */
export function reliefNeeded(wakeUps: readonly WakeUp[], now: Instant, rule: ReliefRule = DEFAULT_RELIEF_RULE): ReliefNeed {
  assertOnePerson(wakeUps)
  const week = wakeUps.filter((w) => w.start <= now && w.start > now - WEEK_MS).sort((a, b) => a.start - b.start)
  const last = week[week.length - 1]
  if (last === undefined) return { needed: false, because: 'no wake-ups in the last 7 days' }
  const night = week.filter((w) => w.night === last.night)
  const nightText = `${count(night.length)} in the night of ${last.night} (${timesOf(night, last.timeZone)})`
  const weekText = `${count(week.length)} in the last 7 days (${timesOf(week, last.timeZone, true)})`
  if (night.length >= rule.wakeUpsPerNight) return { needed: true, because: `${nightText} reached the limit of ${rule.wakeUpsPerNight} per night` }
  if (week.length >= rule.wakeUpsPerWeek) return { needed: true, because: `${weekText} reached the limit of ${rule.wakeUpsPerWeek} per week` }
  return { needed: false, because: `${nightText}, limit ${rule.wakeUpsPerNight}; ${weekText}, limit ${rule.wakeUpsPerWeek}` }
}

/** Returns the relief override's range: from `now` until the shift ends, or for the recovery period. */
export function reliefRange(now: Instant, shiftEnd: Instant, rule: ReliefRule = DEFAULT_RELIEF_RULE): TimeRange {
  if (rule.recovery.mode === 'end-of-shift') {
    if (!(shiftEnd > now)) throw new RangeError('the shift has already ended: there is nothing to relieve')
    return { start: now, end: shiftEnd }
  }
  // Elapsed hours, not wall-clock: rest is measured in hours slept, and a DST night has 23 or 25.
  return { start: now, end: now + rule.recovery.hours * HOUR_MS }
}

function assertOnePerson(wakeUps: readonly WakeUp[]): void {
  const people = new Set(wakeUps.map((w) => w.userId))
  if (people.size > 1) throw new RangeError(`relief is decided per person; got wake-ups of ${[...people].join(', ')}`)
}

function count(n: number): string {
  return n === 1 ? '1 wake-up' : `${n} wake-ups`
}

/** "02:00, 04:00 Europe/Berlin", or with weekdays "Mon 02:00, Tue 03:10 Europe/Berlin". */
function timesOf(wakeUps: readonly WakeUp[], zone: string, withDay = false): string {
  const label = (i: Instant): string => {
    const l = toLocal(i, zone)
    return withDay ? `${l.date} ${l.time}` : l.time
  }
  return `${wakeUps.map((w) => label(w.start)).join(', ')} ${zone}`
}
