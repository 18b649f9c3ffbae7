/**
 * iCalendar (RFC 5545) feeds of final shifts, so people see their on-call time in the calendar
 * they already use. Times are written in UTC ("Z" form, whole seconds) so no VTIMEZONE is
 * needed; calendar apps show them in the viewer's zone.
 */
import { formatInstant, type Instant } from '../../lib/time/index.js'
import type { Shift } from './model.js'

/** What a feed is made of. */
export interface ICalendarInput {
  /** Calendar name, also shown in each event's summary: "On call: Alice (Platform primary)". */
  readonly name: string
  readonly prodId?: string | undefined
  readonly shifts: readonly Shift[]
  /** Display names by user id; a missing user is shown by id. */
  readonly userNames: ReadonlyMap<string, string>
  /** DTSTAMP of every event: when the feed was generated. */
  readonly now: Instant
  /** Makes UIDs unique across feeds, e.g. "schedule-<id>". */
  readonly uidPrefix: string
}

/** The PRODID used when the caller gives none. */
export const DEFAULT_PRODID = '-//Tend//Tend On-Call//EN'

const CRLF = '\r\n'

/** Renders shifts as an RFC 5545 VCALENDAR, one VEVENT per non-gap shift, CRLF lines folded at 75 octets. */
export function renderICalendar(input: ICalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(input.prodId ?? DEFAULT_PRODID)}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ]
  for (const shift of input.shifts) lines.push(...eventLines(shift, input))
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}

function eventLines(shift: Shift, input: ICalendarInput): string[] {
  if (shift.userId === null) return []
  const start = formatICalUtc(shift.start)
  const end = formatICalUtc(shift.end)
  // Second precision: a shift shorter than a second has no event.
  if (start === end) return []
  const person = input.userNames.get(shift.userId) ?? shift.userId
  return [
    'BEGIN:VEVENT',
    // Keyed by start and person: an override that changes a shift's end updates the same event.
    `UID:${escapeText(`${input.uidPrefix}-${start}-${shift.userId}`)}`,
    `DTSTAMP:${formatICalUtc(input.now)}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${escapeText(`On call: ${person} (${input.name})`)}`,
    'END:VEVENT',
  ]
}

/** Formats an instant as an RFC 5545 UTC DATE-TIME ("20240310T130000Z"), dropping milliseconds. */
export function formatICalUtc(i: Instant): string {
  return formatInstant(i).replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')
}

/** Escapes an RFC 5545 TEXT value: backslash, semicolon, comma and newlines; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
}

/** Folds a content line so no line exceeds 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const char of line) {
    const size = utf8Length(char)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74 // continuation lines start with a space, which counts
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}
