import { formatDay, formatTime, startOfLocalDay, type Instant } from '../../../lib/time'
import type { HealthWakeUp, SleepInNotice } from '../../../types/api'

const DAY = 86_400_000

/** "a", "a and b", "a, b and c" */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

/** "today", "tomorrow" or "on Wed 25 Nov": the day of `instant` as seen at `now`, in `zone`. */
function dayWord(instant: Instant, now: Instant, zone: string): string {
  const day = startOfLocalDay(instant, zone)
  const today = startOfLocalDay(now, zone)
  if (day === today) return 'today'
  // A day is 23–25 hours long around DST changes: compare local days, not 24-hour steps.
  if (day === startOfLocalDay(today + DAY + 2 * 3_600_000, zone)) return 'tomorrow'
  return `on ${formatDay(instant, zone)}`
}

/**
 * One line for a sleep-in notice in the person's own zone, with every wake-up of that night the
 * report knows: "Ana was woken at 02:00 and 04:00 (Europe/Berlin) — starts at 12:00 today".
 * The notice stores the first wake-up only, so `wakeUps` (from the health report) adds the rest.
 */
export function sleepInLine(notice: SleepInNotice, wakeUps: readonly HealthWakeUp[], now: Instant): string {
  const zone = notice.user.timeZone
  const first = Date.parse(notice.wokenAt)
  const starts = wakeUps.filter((w) => w.userId === notice.user.id && w.night === notice.night).map((w) => Date.parse(w.start))
  const times = [...new Set([first, ...starts])].sort((a, b) => a - b).map((t) => formatTime(t, zone))
  const woken = `${notice.user.name} was woken at ${listText([...new Set(times)])} (${zone})`
  const start = Date.parse(notice.expectedStartAt)
  // Tend gives the whole day off when the late start would reach the end of the working day; its text says "takes … off".
  if (/ takes .+ off\.$/.test(notice.message)) return `${woken} — takes ${dayWord(start, now, zone)} off`
  return `${woken} — starts at ${formatTime(start, zone)} ${dayWord(start, now, zone)}`
}
