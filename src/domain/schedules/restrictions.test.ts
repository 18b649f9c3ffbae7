import { describe, expect, it } from 'vitest'
import { localTime, type Instant, type Weekday } from '../../lib/time/index.js'
import type { Restriction } from './model.js'
import { clipToWindows, restrictionWindows, windowMinutes, type Interval } from './restrictions.js'

const utc = (text: string): Instant => Date.parse(text)
const restriction = (days: Weekday[], start: string, end: string): Restriction => ({
  days,
  start: localTime(start),
  end: localTime(end),
})
const iso = (windows: Interval[]): string[][] =>
  windows.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()])
const WEEKDAYS_ONLY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']

describe('restrictionWindows', () => {
  it('opens Mon–Fri working hours in the zone, across a DST change', () => {
    const windows = restrictionWindows([restriction(WEEKDAYS_ONLY, '09:00', '17:00')], 'America/New_York', utc('2024-03-08T00:00:00Z'), utc('2024-03-12T00:00:00Z'))
    expect(iso(windows)).toEqual([
      ['2024-03-08T14:00:00.000Z', '2024-03-08T22:00:00.000Z'], // Friday, EST
      ['2024-03-11T13:00:00.000Z', '2024-03-11T21:00:00.000Z'], // Monday, EDT
    ])
  })

  it('ends an overnight window the next day', () => {
    const windows = restrictionWindows([restriction(['sat'], '22:00', '06:00')], 'Europe/Berlin', utc('2024-01-01T00:00:00Z'), utc('2024-01-10T00:00:00Z'))
    expect(iso(windows)).toEqual([['2024-01-06T21:00:00.000Z', '2024-01-07T05:00:00.000Z']])
  })

  it('treats end == start as a whole wall-clock day, so every day joins into one stretch across DST', () => {
    const allDays = restriction(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '08:00', '08:00')
    expect(windowMinutes(allDays)).toBe(1440)
    const from = utc('2024-03-29T00:00:00Z')
    const to = utc('2024-04-03T00:00:00Z')
    expect(restrictionWindows([allDays], 'Europe/Berlin', from, to)).toEqual([{ start: from, end: to }])
    // Sunday's window on the spring-forward day is 23 hours long.
    const sunday = restrictionWindows([restriction(['sun'], '08:00', '08:00')], 'Europe/Berlin', from, to)
    expect(iso(sunday)).toEqual([['2024-03-31T06:00:00.000Z', '2024-04-01T06:00:00.000Z']])
  })

  it('unions overlapping restrictions and clips to the range', () => {
    const windows = restrictionWindows(
      [restriction(['mon'], '09:00', '13:00'), restriction(['mon'], '12:00', '18:00')],
      'UTC',
      utc('2024-01-01T10:00:00Z'),
      utc('2024-01-01T17:00:00Z'),
    )
    expect(iso(windows)).toEqual([['2024-01-01T10:00:00.000Z', '2024-01-01T17:00:00.000Z']])
  })

  it('moves a window edge in a spring-forward gap forward by the gap', () => {
    const from = utc('2024-03-09T00:00:00Z')
    const to = utc('2024-03-12T00:00:00Z')
    const opensInGap = restrictionWindows([restriction(['sun'], '02:30', '04:00')], 'America/New_York', from, to)
    expect(iso(opensInGap)).toEqual([['2024-03-10T07:30:00.000Z', '2024-03-10T08:00:00.000Z']]) // 03:30–04:00 EDT
    const emptied = restrictionWindows([restriction(['sun'], '02:30', '03:00')], 'America/New_York', from, to)
    expect(emptied).toEqual([])
  })

  it('takes the first occurrence of a repeated time (fall back)', () => {
    const windows = restrictionWindows([restriction(['sun'], '00:00', '01:30')], 'America/New_York', utc('2024-11-02T00:00:00Z'), utc('2024-11-05T00:00:00Z'))
    expect(iso(windows)).toEqual([['2024-11-03T04:00:00.000Z', '2024-11-03T05:30:00.000Z']])
  })

  it('keeps Lord Howe windows at local time on both sides of its 30-minute change', () => {
    const windows = restrictionWindows([restriction(['sat', 'sun'], '09:00', '10:00')], 'Australia/Lord_Howe', utc('2024-04-05T00:00:00Z'), utc('2024-04-08T00:00:00Z'))
    expect(iso(windows)).toEqual([
      ['2024-04-05T22:00:00.000Z', '2024-04-05T23:00:00.000Z'], // Sat +11:00
      ['2024-04-06T22:30:00.000Z', '2024-04-06T23:30:00.000Z'], // Sun +10:30
    ])
  })
})

describe('clipToWindows', () => {
  it('keeps the parts of each item inside the windows', () => {
    const items = [
      { start: 0, end: 10, userId: 'a' },
      { start: 10, end: 30, userId: 'b' },
    ]
    const windows = [
      { start: 5, end: 12 },
      { start: 20, end: 25 },
      { start: 28, end: 40 },
    ]
    expect(clipToWindows(items, windows)).toEqual([
      { start: 5, end: 10, userId: 'a' },
      { start: 10, end: 12, userId: 'b' },
      { start: 20, end: 25, userId: 'b' },
      { start: 28, end: 30, userId: 'b' },
    ])
    expect(clipToWindows(items, [])).toEqual([])
  })
})
