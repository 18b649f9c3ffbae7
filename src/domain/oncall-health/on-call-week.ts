/**
 * The on-call week a team's night-page budget is counted in. A team on weekly rotations spends
 * its budget per shift, so the week starts at the handoff: the weekday and handoff time of the
 * team's first weekly layer (in that layer's zone), repeating every 7 local days. A team
 * without a weekly layer counts calendar weeks: Monday 00:00 in the team's zone. Pure.
 */
import { addLocalDays, localDateOf, localToInstant, localTime, weekdayOf, type Instant } from '../../lib/time/index.js'
import type { ScheduleDef } from '../schedules/index.js'

/** Returns the start of the on-call week containing `now`. */
export function onCallWeekStart(schedules: readonly ScheduleDef[], teamZone: string, now: Instant): Instant {
  for (const s of schedules) {
    for (const layer of s.layers) {
      if (layer.shiftUnit !== 'weeks' || layer.startsAt > now || (layer.endsAt !== null && layer.endsAt <= now)) continue
      const zone = layer.timeZone ?? s.timeZone
      return lastWeekly(zone, weekdayOf(localDateOf(layer.startsAt, zone)), layer.handoffTime, now)
    }
  }
  return lastWeekly(teamZone, 'mon', localTime('00:00'), now)
}

/** The latest instant ≤ now at `time` on `weekday` in `zone`. */
function lastWeekly(zone: string, weekday: ReturnType<typeof weekdayOf>, time: ReturnType<typeof localTime>, now: Instant): Instant {
  const today = localDateOf(now, zone)
  // Eight days back covers "today is the weekday but before the handoff time".
  for (let d = 0; d <= 7; d++) {
    const date = addLocalDays(today, -d)
    if (weekdayOf(date) !== weekday) continue
    const at = localToInstant(zone, date, time)
    if (at <= now) return at
  }
  throw new Error('unreachable: a weekday recurs within 8 days')
}
