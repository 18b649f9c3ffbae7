/**
 * The interruption heatmap: pages by local hour of day (0–23) and weekday, each page placed in
 * its own person's zone, so a team spread over zones sees "pages at 03:00 their time", not at
 * 03:00 UTC. A team's map is the sum of its people's maps. On a fall-back night both 01:xx hours
 * land in hour 1; on a spring-forward night the skipped hour stays empty.
 */
import type { Weekday } from '../../lib/time/index.js'
import { toLocal, WEEKDAYS } from '../../lib/time/index.js'
import type { ClassifiedPage } from './model.js'

/** Counts by weekday (Monday first, as WEEKDAYS) and local hour 0–23. */
export interface Heatmap {
  readonly weekdays: readonly Weekday[]
  /** counts[weekdayIndex][hour] */
  readonly counts: readonly (readonly number[])[]
  readonly total: number
}

/** Builds the heatmap of pages, each in the zone it was classified in. */
export function interruptionHeatmap(pages: readonly Pick<ClassifiedPage, 'at' | 'timeZone'>[]): Heatmap {
  const counts = WEEKDAYS.map(() => new Array<number>(24).fill(0))
  for (const page of pages) {
    const local = toLocal(page.at, page.timeZone)
    const row = counts[WEEKDAYS.indexOf(local.weekday)]
    if (row !== undefined) row[local.hour] = (row[local.hour] ?? 0) + 1
  }
  return { weekdays: WEEKDAYS, counts, total: pages.length }
}

/** Adds heatmaps cell by cell (people's maps into a team's). */
export function sumHeatmaps(maps: readonly Heatmap[]): Heatmap {
  const counts = WEEKDAYS.map((_, d) => Array.from({ length: 24 }, (_, h) => maps.reduce((s, m) => s + (m.counts[d]?.[h] ?? 0), 0)))
  return { weekdays: WEEKDAYS, counts, total: maps.reduce((s, m) => s + m.total, 0) }
}
