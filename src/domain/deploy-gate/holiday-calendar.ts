/**
 * Reads holidays from an iCalendar (RFC 5545) file, such as a public-holiday feed or a team's
 * own calendar export, into local dates. Only VEVENTs count; VTIMEZONE, VTODO, VALARM and the
 * rest are skipped. Lines are unfolded (§3.1) first. All-day events (`VALUE=DATE`) are dates as
 * written, DTEND exclusive (§3.6.1), so a three-day holiday is DTSTART 24th, DTEND 27th. Timed
 * events become every local date (in `timeZone`) they overlap. Problems are reported, not thrown,
 * so one bad event does not lose the rest of the calendar.
 */
import {
  addLocalDays,
  isValidTimeZone,
  localDateOf,
  localToInstant,
  parseLocalDate,
  parseLocalTime,
  startOfLocalDay,
  type Instant,
  type LocalDate,
} from '../../lib/time/index.js'

/** The dates found and a message per problem ("line 12: …"). */
export interface HolidayCalendar {
  readonly dates: LocalDate[]
  readonly errors: string[]
}

/** A multi-day event longer than this is almost certainly a mistake (a year-long "holiday"). */
export const MAX_HOLIDAY_EVENT_DAYS = 366

interface ContentLine {
  readonly line: number
  readonly name: string
  readonly params: ReadonlyMap<string, string>
  readonly value: string
}

interface EventProps {
  readonly line: number
  readonly props: Map<string, ContentLine>
}

/** A DTSTART/DTEND value: an all-day date, or an instant. */
type CalendarValue = { readonly kind: 'date'; readonly date: LocalDate } | { readonly kind: 'instant'; readonly instant: Instant }

/** Joins folded lines (a line starting with a space or tab continues the previous one). */
function unfold(ics: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = []
  ics.split(/\r\n|\n|\r/).forEach((text, i) => {
    const last = out[out.length - 1]
    if ((text.startsWith(' ') || text.startsWith('\t')) && last !== undefined) last.text += text.slice(1)
    else if (text.trim() !== '') out.push({ line: i + 1, text })
  })
  return out
}

/** Splits "NAME;P1=a;P2=\"b:c\":value" at the first colon outside quotes. */
function parseContentLine(line: number, text: string): ContentLine | null {
  let quoted = false
  let colon = -1
  for (let i = 0; i < text.length && colon < 0; i++) {
    if (text[i] === '"') quoted = !quoted
    else if (text[i] === ':' && !quoted) colon = i
  }
  if (colon < 0) return null
  const [name = '', ...rawParams] = text.slice(0, colon).split(';')
  const params = new Map<string, string>()
  for (const p of rawParams) {
    const eq = p.indexOf('=')
    if (eq > 0) params.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, ''))
  }
  return { line, name: name.toUpperCase(), params, value: text.slice(colon + 1).trim() }
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})$/
const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/

/** Parses a DATE or DATE-TIME value; floating times are read in `zone`, TZID times in their zone. */
function parseValue(prop: ContentLine, zone: string): CalendarValue | string {
  const date = DATE_VALUE.exec(prop.value)
  if (date !== null) {
    const d = parseLocalDate(`${date[1]}-${date[2]}-${date[3]}`)
    return d === null ? `${prop.name} "${prop.value}" is not a calendar date` : { kind: 'date', date: d }
  }
  const dt = DATE_TIME_VALUE.exec(prop.value)
  const d = dt === null ? null : parseLocalDate(`${dt[1]}-${dt[2]}-${dt[3]}`)
  const t = dt === null ? null : parseLocalTime(`${dt[4]}:${dt[5]}`)
  if (dt === null || d === null || t === null) return `${prop.name} "${prop.value}" is neither a DATE (20261225) nor a DATE-TIME (20261225T090000Z)`
  const seconds = Number(dt[6]) * 1000
  if (dt[7] === 'Z') return { kind: 'instant', instant: localToInstant('UTC', d, t) + seconds }
  const tzid = prop.params.get('TZID')
  if (tzid !== undefined && !isValidTimeZone(tzid)) return `${prop.name} has unknown TZID "${tzid}"`
  return { kind: 'instant', instant: localToInstant(tzid ?? zone, d, t) + seconds }
}

const DURATION = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/

/** Parses a positive RFC 5545 duration into milliseconds, or null. */
function parseDurationMs(value: string): number | null {
  const m = DURATION.exec(value)
  if (m === null || value.endsWith('P') || value.endsWith('T')) return null
  const [w, d, h, min, s] = [m[1], m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0)) as [number, number, number, number, number]
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000
}

function datesFrom(first: LocalDate, last: LocalDate): LocalDate[] {
  const out: LocalDate[] = []
  for (let d = first; d <= last && out.length <= MAX_HOLIDAY_EVENT_DAYS; d = addLocalDays(d, 1)) out.push(d)
  return out
}

/** The all-day dates of an event whose DTSTART is a DATE. */
function allDayDates(start: LocalDate, event: EventProps, zone: string): LocalDate[] | string {
  const dtend = event.props.get('DTEND')
  const duration = event.props.get('DURATION')
  if (dtend !== undefined) {
    const end = parseValue(dtend, zone)
    if (typeof end === 'string') return end
    if (end.kind !== 'date') return 'DTEND must be a DATE when DTSTART is a DATE'
    if (end.date <= start) return 'DTEND must be after DTSTART (it is exclusive)'
    return datesFrom(start, addLocalDays(end.date, -1))
  }
  if (duration !== undefined) {
    const ms = parseDurationMs(duration.value)
    if (ms === null || ms === 0) return `DURATION "${duration.value}" is not a positive duration such as P3D`
    return datesFrom(start, addLocalDays(start, Math.ceil(ms / 86_400_000) - 1))
  }
  return [start]
}

/** The local dates a timed event overlaps; a zero-length event still marks its day. */
function timedDates(start: Instant, event: EventProps, zone: string): LocalDate[] | string {
  const dtend = event.props.get('DTEND')
  const duration = event.props.get('DURATION')
  let end = start
  if (dtend !== undefined) {
    const v = parseValue(dtend, zone)
    if (typeof v === 'string') return v
    end = v.kind === 'instant' ? v.instant : startOfLocalDay(zone, v.date)
  } else if (duration !== undefined) {
    const ms = parseDurationMs(duration.value)
    if (ms === null) return `DURATION "${duration.value}" is not a duration such as PT8H`
    end = start + ms
  }
  if (end < start) return 'DTEND must not be before DTSTART'
  return datesFrom(localDateOf(start, zone), localDateOf(Math.max(start, end - 1), zone))
}

/** The dates of one VEVENT, or the problem that stopped it. */
function eventDates(event: EventProps, zone: string): LocalDate[] | string {
  const dtstart = event.props.get('DTSTART')
  if (dtstart === undefined) return 'it has no DTSTART'
  const start = parseValue(dtstart, zone)
  if (typeof start === 'string') return start
  const dates = start.kind === 'date' ? allDayDates(start.date, event, zone) : timedDates(start.instant, event, zone)
  if (typeof dates !== 'string' && dates.length > MAX_HOLIDAY_EVENT_DAYS) return `spans more than ${MAX_HOLIDAY_EVENT_DAYS} days`
  return dates
}

function describeEvent(event: EventProps): string {
  const summary = event.props.get('SUMMARY')?.value
  return `line ${event.line}: event${summary === undefined ? '' : ` "${summary}"`}`
}

/** Collects the VEVENTs that sit directly inside a VCALENDAR. */
function collectEvents(lines: readonly ContentLine[]): EventProps[] {
  const stack: string[] = []
  const events: EventProps[] = []
  let current: EventProps | null = null
  for (const l of lines) {
    const component = l.value.toUpperCase()
    if (l.name === 'BEGIN') {
      if (component === 'VEVENT' && stack[stack.length - 1] === 'VCALENDAR') current = { line: l.line, props: new Map() }
      stack.push(component)
    } else if (l.name === 'END') {
      if (stack.pop() === 'VEVENT' && current !== null) events.push(current)
      if (component === 'VEVENT') current = null
    } else if (current !== null && stack[stack.length - 1] === 'VEVENT' && !current.props.has(l.name)) {
      current.props.set(l.name, l)
    }
  }
  return events
}

/**
 * Parses an iCalendar file into holiday dates (sorted, unique) and a message per problem.
 * `timeZone` is the policy's zone, used for timed events; all-day events need no zone.
 * @example parseHolidayCalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\nEND:VCALENDAR')
 */
export function parseHolidayCalendar(ics: string, options: { readonly timeZone?: string } = {}): HolidayCalendar {
  const zone = options.timeZone ?? 'UTC'
  if (!isValidTimeZone(zone)) return { dates: [], errors: [`unknown time zone "${zone}"`] }
  const errors: string[] = []
  const lines: ContentLine[] = []
  for (const { line, text } of unfold(ics)) {
    const parsed = parseContentLine(line, text)
    if (parsed === null) errors.push(`line ${line}: not a content line (NAME:value)`)
    else lines.push(parsed)
  }
  if (!lines.some((l) => l.name === 'BEGIN' && l.value.toUpperCase() === 'VCALENDAR')) return { dates: [], errors: ['not an iCalendar file: BEGIN:VCALENDAR is missing'] }
  const dates = new Set<LocalDate>()
  for (const event of collectEvents(lines)) {
    if (event.props.get('STATUS')?.value.toUpperCase() === 'CANCELLED') continue
    const found = eventDates(event, zone)
    if (typeof found === 'string') errors.push(`${describeEvent(event)} skipped: ${found}`)
    else found.forEach((d) => dates.add(d))
    if (event.props.has('RRULE')) errors.push(`${describeEvent(event)} repeats (RRULE), which is not expanded: only its first occurrence is used`)
  }
  return { dates: [...dates].sort(), errors }
}
