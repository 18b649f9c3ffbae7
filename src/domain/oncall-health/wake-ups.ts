/**
 * Wake-ups and nights. Three pages in five minutes wake a person once; pages at 02:00, 04:00 and
 * 06:00 wake them three times. So sleep-hours pages are grouped: a page within `spanMinutes`
 * (default 30, a Tend default: no vendor defines this) of the first page of the current group
 * joins it. Multitudes' "disrupted hours" makes the same distinction with calendar hours
 * (https://docs.multitudes.com/metrics-and-definitions/people-metrics/wellbeing/page-disruptions);
 * a span from the first page cannot chain a night of pages ten minutes apart into one wake-up.
 *
 * A night is the sleep period that began on a local date (see hours-windows.ts): a 02:00 page
 * belongs to the night that began the previous evening at 22:00. Nights are keyed per person,
 * in their zone. A night across a DST change is still one night (9 or 11 real hours), and the
 * span is measured in real minutes, so 01:30 EDT and 01:30 EST are an hour apart.
 */
import type { LocalDate } from '../../lib/time/index.js'
import { MINUTE_MS } from '../../lib/time/index.js'
import type { ClassifiedPage, SleepPeriod, WakeUp } from './model.js'
import { byTimeThenIds, compareText } from './ordering.js'

/** Default grouping span: sleep-hours pages within 30 minutes of a group's first page are one wake-up. */
export const DEFAULT_WAKE_UP_SPAN_MINUTES = 30

/** A disturbed night of one person. */
export interface DisturbedNight {
  readonly userId: string
  readonly night: LocalDate
  readonly wakeUps: number
}

/** Groups sleep-hours pages into wake-ups per person and night; other buckets are ignored. */
export function groupWakeUps(pages: readonly ClassifiedPage[], spanMinutes: number = DEFAULT_WAKE_UP_SPAN_MINUTES): WakeUp[] {
  if (!(spanMinutes >= 0)) throw new RangeError(`spanMinutes must be ≥ 0, got ${spanMinutes}`)
  const sleepPages = pages.filter(hasSleepPeriod).sort((a, b) => compareText(a.userId, b.userId) || byTimeThenIds(a, b))
  const out: WakeUp[] = []
  let current: { first: SleepPage; pages: SleepPage[] } | null = null
  for (const page of sleepPages) {
    if (current !== null && joins(current.first, page, spanMinutes)) current.pages.push(page)
    else {
      if (current !== null) out.push(toWakeUp(current.first, current.pages))
      current = { first: page, pages: [page] }
    }
  }
  if (current !== null) out.push(toWakeUp(current.first, current.pages))
  return out.sort((a, b) => a.start - b.start || compareText(a.userId, b.userId))
}

/** Returns each person's disturbed nights with their wake-up counts, in night order. */
export function disturbedNights(wakeUps: readonly WakeUp[]): DisturbedNight[] {
  const counts = new Map<string, DisturbedNight>()
  for (const w of wakeUps) {
    const key = JSON.stringify([w.userId, w.night])
    const seen = counts.get(key)
    counts.set(key, { userId: w.userId, night: w.night, wakeUps: (seen?.wakeUps ?? 0) + 1 })
  }
  return [...counts.values()].sort((a, b) => (a.night < b.night ? -1 : a.night > b.night ? 1 : compareText(a.userId, b.userId)))
}

type SleepPage = ClassifiedPage & { readonly sleepPeriod: SleepPeriod }

function hasSleepPeriod(p: ClassifiedPage): p is SleepPage {
  return p.bucket === 'sleep' && p.sleepPeriod !== null
}

function joins(first: SleepPage, page: SleepPage, spanMinutes: number): boolean {
  return page.userId === first.userId && page.sleepPeriod.night === first.sleepPeriod.night && page.at - first.at <= spanMinutes * MINUTE_MS
}

function toWakeUp(first: SleepPage, pages: readonly SleepPage[]): WakeUp {
  const last = pages.at(-1) ?? first
  return {
    userId: first.userId,
    timeZone: first.timeZone,
    night: first.sleepPeriod.night,
    start: first.at,
    end: last.at,
    sleepPeriod: first.sleepPeriod,
    alertIds: [...new Set(pages.map((p) => p.alertId))],
  }
}
