/**
 * Time display and zone math for the UI, on Intl alone. Instants are epoch milliseconds; local
 * wall-clock values are `YYYY-MM-DDTHH:MM` strings in a named IANA zone, never `Date`s.
 */

/** Milliseconds since the Unix epoch: an instant, independent of any zone. */
export type Instant = number

/** A wall-clock reading in some zone. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number
}

const MINUTE = 60_000
const DAY = 86_400_000
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string, kind: string, options: Intl.DateTimeFormatOptions, locale = 'en-GB'): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`
  let f = formatters.get(key)
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })
    formatters.set(key, f)
  }
  return f
}

/** Parses an RFC 3339 timestamp into an instant. */
export function parseInstant(text: string): Instant {
  return Date.parse(text)
}

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Reads the wall clock in `zone` at `instant`. */
export function wallClock(instant: Instant, zone: string): WallClock {
  const parts = formatter(zone, 'parts', {
    hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
  }, 'en-US').formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN)
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '')
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second'), weekday }
}

/** The offset of `zone` from UTC at `instant`, in minutes east of Greenwich. */
export function zoneOffsetMinutes(instant: Instant, zone: string): number {
  const w = wallClock(instant, zone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * Converts a wall-clock `YYYY-MM-DDTHH:MM` (a datetime-local value) in `zone` to an instant, or
 * null when it is malformed. A time that happens twice (clocks going back) takes the earlier one;
 * a time skipped by clocks going forward moves forward by the gap, as Temporal's "compatible" does.
 * @example localToInstant('2026-11-24T08:00', 'Europe/Berlin') // Date.parse('2026-11-24T07:00:00Z')
 */
export function localToInstant(local: string, zone: string): Instant | null {
  const m = LOCAL.exec(local)
  if (m === null) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  if (Number.isNaN(asUtc)) return null
  // The offsets a day either side bracket any transition near this wall-clock time.
  const offsets = [...new Set([zoneOffsetMinutes(asUtc - DAY, zone), zoneOffsetMinutes(asUtc + DAY, zone)])]
  const candidates = offsets.map((o) => asUtc - o * MINUTE).sort((a, b) => a - b)
  const exact = candidates.filter((c) => {
    const w = wallClock(c, zone)
    return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute
  })
  return exact[0] ?? (candidates[candidates.length - 1] as Instant)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Formats `instant` as a datetime-local value (`YYYY-MM-DDTHH:MM`) on the wall clock of `zone`. */
export function toLocalInput(instant: Instant, zone: string): string {
  const w = wallClock(instant, zone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/** Formats `instant` as RFC 3339 with the offset `zone` has then, e.g. `2026-11-24T08:00:00+01:00`. */
export function toRfc3339(instant: Instant, zone: string): string {
  const w = wallClock(instant, zone)
  const offset = zoneOffsetMinutes(instant, zone)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** Returns the instant `days` calendar days after `instant` at the same wall-clock time in `zone`. */
export function addLocalDays(instant: Instant, zone: string, days: number): Instant {
  const w = wallClock(instant, zone)
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days))
  const local = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(w.hour)}:${pad(w.minute)}`
  return localToInstant(local, zone) ?? instant + days * DAY
}

/** Returns local midnight (or the first instant of the day, where midnight is skipped) in `zone`. */
export function startOfLocalDay(instant: Instant, zone: string): Instant {
  const w = wallClock(instant, zone)
  return localToInstant(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T00:00`, zone) ?? instant
}

/** "09:00" on the 24-hour wall clock of `zone`. */
export function formatTime(instant: Instant, zone: string): string {
  return formatter(zone, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant)
}

/** "09:00:05" on the 24-hour wall clock of `zone`: for timelines where seconds tell events apart. */
export function formatTimeSeconds(instant: Instant, zone: string): string {
  return formatter(zone, 'time-seconds', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant)
}

/** "Mon 23 Nov" in `zone`. */
export function formatDay(instant: Instant, zone: string): string {
  return formatter(zone, 'day', { weekday: 'short', day: 'numeric', month: 'short' }).format(instant).replace(',', '')
}

/** "Mon 23 Nov, 09:00" in `zone`. */
export function formatDateTime(instant: Instant, zone: string): string {
  return `${formatDay(instant, zone)}, ${formatTime(instant, zone)}`
}

// Each English locale knows only its own region's abbreviations (en-US: EST, en-GB: CET, …).
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU']

/** The zone's short name at `instant` ("CET", "EST", or "GMT+5:30" where English has none). */
export function zoneAbbreviation(instant: Instant, zone: string): string {
  let fallback: string | undefined
  for (const locale of ABBREVIATION_LOCALES) {
    const parts = formatter(zone, `abbr-${locale}`, { timeZoneName: 'short' }, locale).formatToParts(instant)
    const name = parts.find((p) => p.type === 'timeZoneName')?.value
    if (name !== undefined && !/^GMT[+-−]/.test(name)) return name
    fallback ??= name
  }
  return fallback ?? zone
}

/** "Europe/Berlin (CET)", or just "UTC" where the abbreviation is the zone's name. */
export function zoneLabel(instant: Instant, zone: string): string {
  const abbreviation = zoneAbbreviation(instant, zone)
  return abbreviation === zone ? zone : `${zone} (${abbreviation})`
}

/** "Mon 23 Nov, 09:00 – 17:00 CET", naming the end day only when it differs. */
export function formatRange(start: Instant, end: Instant, zone: string): string {
  const sameDay = formatDay(start, zone) === formatDay(end, zone)
  const endText = sameDay ? formatTime(end, zone) : formatDateTime(end, zone)
  return `${formatDateTime(start, zone)} – ${endText} ${zoneAbbreviation(end, zone)}`
}

/** "2 d 4 h", "3 h 20 min", "5 min": a length of time, to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE))
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const min = minutes % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`
  return `${min} min`
}

/** "just now" under a minute, else "5 min ago" / "2 d 4 h ago": how long ago `instant` was at `now`. */
export function formatAge(instant: Instant, now: Instant): string {
  return now - instant < MINUTE ? 'just now' : `${formatDuration(now - instant)} ago`
}

/** "in 3 h 20 min" or "5 min ago", from `now` to `instant`. */
export function formatRelative(instant: Instant, now: Instant): string {
  return instant >= now ? `in ${formatDuration(instant - now)}` : `${formatDuration(now - instant)} ago`
}
