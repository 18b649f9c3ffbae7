import { localToInstant, type Instant } from '../../../lib/time'

const DAY = 86_400_000

/** Preset ranges, in days up to now; 28 (the last 4 weeks) is the API's default and the page's. */
export const RANGE_PRESETS: readonly { readonly days: number; readonly label: string }[] = [
  { days: 7, label: 'Last 7 days' },
  { days: 28, label: 'Last 4 weeks' },
  { days: 91, label: 'Last 13 weeks' },
]
export const DEFAULT_RANGE_DAYS = 28

/** The range a health page shows: the last N days, or local dates (inclusive) in the team's zone. */
export type HealthRange = { readonly kind: 'days'; readonly days: number } | { readonly kind: 'dates'; readonly from: string; readonly to: string }

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Reads the range from the query string (`?days=7`, or `?from=2026-11-01&to=2026-11-30`); the last 4 weeks otherwise. */
export function readHealthRange(search: URLSearchParams): HealthRange {
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? ''
  if (DATE.test(from) && DATE.test(to)) return { kind: 'dates', from, to }
  const days = Number(search.get('days'))
  return { kind: 'days', days: RANGE_PRESETS.some((p) => p.days === days) ? days : DEFAULT_RANGE_DAYS }
}

/** The query string of a range; empty for the default. */
export function healthRangeSearch(range: HealthRange): string {
  if (range.kind === 'dates') return `?from=${range.from}&to=${range.to}`
  return range.days === DEFAULT_RANGE_DAYS ? '' : `?days=${range.days}`
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The API's `from`/`to` for a range: nothing for the default (the server takes its own now), `from`
 * before `now` for other presets, and the team zone's midnights around the dates otherwise; or an
 * error to show beside the dates.
 */
export function healthRangeQuery(range: HealthRange, zone: string, now: Instant): { readonly from?: string; readonly to?: string } | { readonly error: string } {
  if (range.kind === 'days') return range.days === DEFAULT_RANGE_DAYS ? {} : { from: new Date(now - range.days * DAY).toISOString() }
  const from = localToInstant(`${range.from}T00:00`, zone)
  const to = localToInstant(`${nextDate(range.to)}T00:00`, zone)
  if (from === null || to === null) return { error: 'Choose both dates.' }
  if (to <= from) return { error: 'The last day must not be before the first.' }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}
