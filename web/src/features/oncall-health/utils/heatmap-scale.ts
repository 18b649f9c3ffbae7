/** Weekday labels for the API's heatmap rows (Monday first). */
export const HEATMAP_WEEKDAYS: Readonly<Record<string, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }

/** Tend's default sleep hours (22:00–08:00, PagerDuty's sleep bucket), marked on the heatmap. */
export const DEFAULT_SLEEP_HOURS = { start: 22, end: 8 } as const

/** Whether the hour starting at `hour` lies in sleep hours that may wrap midnight. */
export function isSleepHour(hour: number, sleep: { readonly start: number; readonly end: number } = DEFAULT_SLEEP_HOURS): boolean {
  return sleep.start <= sleep.end ? hour >= sleep.start && hour < sleep.end : hour >= sleep.start || hour < sleep.end
}

/** A cell's shade, 0 (none) to 4 (the busiest cell), so one stray page still shows. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0
  return Math.max(1, Math.min(4, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4
}

/** "02:00" */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`

/** "1 page", "3 pages" */
export const pagesText = (n: number): string => `${n} ${n === 1 ? 'page' : 'pages'}`
