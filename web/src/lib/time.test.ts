import { describe, expect, it } from 'vitest'
import {
  addLocalDays, formatAge, formatDuration, formatRange, formatTimeSeconds, zoneLabel, localToInstant, startOfLocalDay, toLocalInput, toRfc3339, zoneOffsetMinutes,
} from './time'

const at = (iso: string) => Date.parse(iso)

describe('localToInstant', () => {
  it.each([
    ['2026-11-24T08:00', 'Europe/Berlin', '2026-11-24T07:00:00Z'],
    ['2026-07-01T08:00', 'Europe/Berlin', '2026-07-01T06:00:00Z'],
    ['2026-11-24T08:00', 'Asia/Kolkata', '2026-11-24T02:30:00Z'],
    ['2026-11-24T08:00', 'UTC', '2026-11-24T08:00:00Z'],
    ['2026-11-24T08:00', 'America/New_York', '2026-11-24T13:00:00Z'],
    // Clocks go back at 02:00 EDT: 01:30 happens twice, the earlier (EDT) wins.
    ['2023-11-05T01:30', 'America/New_York', '2023-11-05T05:30:00Z'],
    // Clocks go forward at 02:00 EST: 02:30 does not exist and moves on to 03:30 EDT.
    ['2023-03-12T02:30', 'America/New_York', '2023-03-12T07:30:00Z'],
    ['2023-10-29T01:30', 'Europe/London', '2023-10-29T00:30:00Z'],
    // Lord Howe shifts by 30 minutes: 02:15 does not exist on 2023-10-01 and moves to 02:45.
    ['2023-10-01T02:15', 'Australia/Lord_Howe', '2023-09-30T15:45:00Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(localToInstant(local, zone)).toBe(at(iso))
  })

  it('rejects what is not a datetime-local value', () => {
    expect(localToInstant('', 'UTC')).toBeNull()
    expect(localToInstant('24/11/2026 08:00', 'UTC')).toBeNull()
  })
})

describe('wall-clock round trips', () => {
  it('formats an instant back to the datetime-local value it came from', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      expect(toLocalInput(localToInstant('2026-03-29T12:45', zone) ?? 0, zone)).toBe('2026-03-29T12:45')
    }
  })

  it('writes RFC 3339 with the zone offset of that instant', () => {
    expect(toRfc3339(at('2026-11-24T07:00:00Z'), 'Europe/Berlin')).toBe('2026-11-24T08:00:00+01:00')
    expect(toRfc3339(at('2026-11-24T02:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-24T08:00:00+05:30')
    expect(toRfc3339(at('2026-11-24T13:00:00Z'), 'America/New_York')).toBe('2026-11-24T08:00:00-05:00')
  })

  it('knows offsets on both sides of a transition', () => {
    expect(zoneOffsetMinutes(at('2023-11-05T05:59:00Z'), 'America/New_York')).toBe(-240)
    expect(zoneOffsetMinutes(at('2023-11-05T06:00:00Z'), 'America/New_York')).toBe(-300)
  })
})

describe('local days', () => {
  it('keeps the wall-clock time across a DST change, so a day can be 25 hours', () => {
    const start = at('2023-11-04T13:00:00Z') // 09:00 EDT
    expect(addLocalDays(start, 'America/New_York', 1)).toBe(at('2023-11-05T14:00:00Z')) // 09:00 EST
  })

  it('finds local midnight', () => {
    expect(startOfLocalDay(at('2026-11-23T10:00:00Z'), 'Europe/Berlin')).toBe(at('2026-11-22T23:00:00Z'))
    expect(startOfLocalDay(at('2026-11-23T02:00:00Z'), 'America/New_York')).toBe(at('2026-11-22T05:00:00Z'))
  })
})

describe('display', () => {
  it('names the end day only when it differs', () => {
    expect(formatRange(at('2026-11-23T07:00:00Z'), at('2026-11-23T16:00:00Z'), 'Europe/Berlin')).toBe('Mon 23 Nov, 08:00 – 17:00 CET')
    expect(formatDuration(26 * 3_600_000 + 5 * 60_000)).toBe('1 d 2 h')
    expect(formatDuration(200 * 60_000)).toBe('3 h 20 min')
  })
})

describe('timeline display', () => {
  it('shows seconds on the wall clock of the zone', () => {
    expect(formatTimeSeconds(at('2026-11-23T10:00:05Z'), 'Asia/Kolkata')).toBe('15:30:05')
    expect(formatTimeSeconds(at('2026-11-23T10:00:05Z'), 'America/New_York')).toBe('05:00:05')
  })

  it('names the zone with its abbreviation, once when they are the same', () => {
    expect(zoneLabel(at('2026-11-23T10:00:00Z'), 'Europe/Berlin')).toBe('Europe/Berlin (CET)')
    expect(zoneLabel(at('2026-11-23T10:00:00Z'), 'UTC')).toBe('UTC')
  })

  it('says "just now" under a minute and rounds older ages to the minute', () => {
    const now = at('2026-11-23T10:00:00Z')
    expect(formatAge(now - 30_000, now)).toBe('just now')
    expect(formatAge(now - 5 * 60_000, now)).toBe('5 min ago')
    expect(formatAge(now - 26 * 3_600_000, now)).toBe('1 d 2 h ago')
  })
})
