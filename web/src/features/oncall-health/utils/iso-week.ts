import { wallClock, type Instant } from '../../../lib/time'

const WEEK = /^(\d{4})-W(\d{2})$/

/** The ISO week ("2026-W48") of a calendar date. */
function isoWeekOfDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day))
  const weekday = (d.getUTCDay() + 6) % 7 // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3) // the week's Thursday decides its year
  const weekYear = d.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}

/** The ISO week containing `instant` on the wall clock of `zone`. */
export function isoWeekOf(instant: Instant, zone: string): string {
  const w = wallClock(instant, zone)
  return isoWeekOfDate(w.year, w.month, w.day)
}

/** Whether `text` is an ISO week such as "2026-W48". */
export const isIsoWeek = (text: string): boolean => WEEK.test(text)

/** The ISO week `n` weeks after `week` (before, for negative `n`). */
export function addIsoWeeks(week: string, n: number): string {
  const m = WEEK.exec(week)
  if (m === null) return week
  // Jan 4 is always in week 1; its Monday starts the week-year.
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4))
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000)
  const target = new Date(monday.getTime() + ((Number(m[2]) - 1 + n) * 7 + 3) * 86_400_000)
  return isoWeekOfDate(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate())
}
