import { describe, expect, it } from 'vitest'
import type { Instant } from '../../lib/time/index.js'
import { escapeText, foldLine, formatICalUtc, renderICalendar } from './ical.js'
import type { Shift } from './model.js'

const utc = (text: string): Instant => Date.parse(text)
const layerShift = (start: string, end: string, userId: string | null): Shift => ({
  start: utc(start),
  end: utc(end),
  userId,
  source: userId === null ? { type: 'gap' } : { type: 'layer', layerId: 'l1' },
})

const shifts: Shift[] = [
  layerShift('2024-03-04T14:00:00Z', '2024-03-11T13:00:00Z', 'u-alice'),
  layerShift('2024-03-11T13:00:00Z', '2024-03-12T00:00:00Z', null),
  layerShift('2024-03-12T00:00:00Z', '2024-03-18T13:00:00.500Z', 'u-bob'),
]

const render = (extra: Partial<Parameters<typeof renderICalendar>[0]> = {}): string =>
  renderICalendar({
    name: 'Platform primary',
    shifts,
    userNames: new Map([['u-alice', 'Alice']]),
    now: utc('2024-03-01T12:00:00.250Z'),
    uidPrefix: 'schedule-s1',
    ...extra,
  })

interface ParsedEvent {
  [property: string]: string
}

/** A minimal RFC 5545 reader: unfold, split properties, unescape TEXT. */
function parseICalendar(text: string): { calendar: Record<string, string>; events: ParsedEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '')
  const calendar: Record<string, string> = {}
  const events: ParsedEvent[] = []
  let current: ParsedEvent | null = null
  for (const line of lines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).split(';')[0] as string
    const value = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
    if (name === 'BEGIN' && value === 'VEVENT') current = {}
    else if (name === 'END' && value === 'VEVENT' && current !== null) {
      events.push(current)
      current = null
    } else if (current !== null) current[name] = value
    else calendar[name] = value
  }
  return { calendar, events }
}

describe('renderICalendar', () => {
  it('writes a VCALENDAR with one VEVENT per non-gap shift, in UTC', () => {
    const { calendar, events } = parseICalendar(render())
    expect(calendar).toEqual({
      BEGIN: 'VCALENDAR',
      VERSION: '2.0',
      PRODID: '-//Tend//Tend On-Call//EN',
      CALSCALE: 'GREGORIAN',
      'X-WR-CALNAME': 'Platform primary',
      END: 'VCALENDAR',
    })
    expect(events).toEqual([
      {
        UID: 'schedule-s1-20240304T140000Z-u-alice',
        DTSTAMP: '20240301T120000Z',
        DTSTART: '20240304T140000Z',
        DTEND: '20240311T130000Z',
        SUMMARY: 'On call: Alice (Platform primary)',
      },
      {
        UID: 'schedule-s1-20240312T000000Z-u-bob',
        DTSTAMP: '20240301T120000Z',
        DTSTART: '20240312T000000Z',
        DTEND: '20240318T130000Z', // milliseconds dropped
        SUMMARY: 'On call: u-bob (Platform primary)', // unknown user shown by id
      },
    ])
  })

  it('uses CRLF line endings only, and no line longer than 75 octets', () => {
    const text = render({ name: 'Plattform-Bereitschaft für Zahlungen, Konten; und Überweisungen — Primär 🚨🚨🚨' })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  })

  it('round-trips names with commas, semicolons, backslashes and newlines', () => {
    const name = 'Payments; EU, "core"\\ops\nline two — 🚨'
    const { calendar, events } = parseICalendar(render({ name, prodId: '-//Acme, Inc//Tend//EN' }))
    expect(calendar['X-WR-CALNAME']).toBe(name)
    expect(calendar['PRODID']).toBe('-//Acme, Inc//Tend//EN')
    expect(events[0]?.['SUMMARY']).toBe(`On call: Alice (${name})`)
  })

  it('renders an empty calendar when nobody is on call', () => {
    const { events } = parseICalendar(render({ shifts: [layerShift('2024-03-04T14:00:00Z', '2024-03-11T13:00:00Z', null)] }))
    expect(events).toEqual([])
  })
})

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
    expect(escapeText('tab\tkept, bell\u0007 dropped')).toBe('tab\tkept\\, bell dropped')
  })
})

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`
    expect(foldLine(line)).toBe(line)
  })

  it('folds at 75 octets with CRLF and a space, which counts on continuation lines', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`)
    const lines = folded.split('\r\n')
    expect(lines.map((l) => l.length)).toEqual([75, 75, 60])
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'x'.repeat(200)}`)
  })

  it('never splits a multi-byte UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}` // 8 + 120 octets
    const lines = foldLine(line).split('\r\n')
    expect(lines.map((l) => Buffer.byteLength(l, 'utf8'))).toEqual([74, 55])
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line)
  })
})

describe('formatICalUtc', () => {
  it('formats UTC DATE-TIME without separators or milliseconds', () => {
    expect(formatICalUtc(utc('2024-03-10T07:30:15.999Z'))).toBe('20240310T073015Z')
  })
})
