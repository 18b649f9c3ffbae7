import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { localDate } from './local-date.js'
import { localTime } from './local-time.js'
import { formatLocal, localDateOf, localToInstant, resolveWall, startOfLocalDay, toLocal, wallMinutesOf } from './zoned.js'

const utc = (text: string): number => Date.parse(text)

describe('localToInstant: fixed dates around DST in several zones', () => {
  it.each([
    // zone, local date, local time, expected instant, how it resolved
    ['America/New_York', '2024-03-09', '09:00', '2024-03-09T14:00:00Z', 'exact'],
    ['America/New_York', '2024-03-10', '01:59', '2024-03-10T06:59:00Z', 'exact'],
    ['America/New_York', '2024-03-10', '02:00', '2024-03-10T07:00:00Z', 'gap'], // → 03:00 EDT
    ['America/New_York', '2024-03-10', '02:30', '2024-03-10T07:30:00Z', 'gap'], // → 03:30 EDT
    ['America/New_York', '2024-03-10', '03:00', '2024-03-10T07:00:00Z', 'exact'],
    ['America/New_York', '2024-03-10', '09:00', '2024-03-10T13:00:00Z', 'exact'],
    ['America/New_York', '2024-11-03', '00:59', '2024-11-03T04:59:00Z', 'exact'],
    ['America/New_York', '2024-11-03', '01:00', '2024-11-03T05:00:00Z', 'overlap'], // EDT, the first 01:00
    ['America/New_York', '2024-11-03', '01:30', '2024-11-03T05:30:00Z', 'overlap'],
    ['America/New_York', '2024-11-03', '02:00', '2024-11-03T07:00:00Z', 'exact'],
    ['America/New_York', '2024-11-03', '09:00', '2024-11-03T14:00:00Z', 'exact'],
    ['Europe/Berlin', '2024-03-31', '01:30', '2024-03-31T00:30:00Z', 'exact'],
    ['Europe/Berlin', '2024-03-31', '02:30', '2024-03-31T01:30:00Z', 'gap'], // → 03:30 CEST
    ['Europe/Berlin', '2024-03-31', '03:00', '2024-03-31T01:00:00Z', 'exact'],
    ['Europe/Berlin', '2024-10-27', '02:30', '2024-10-27T00:30:00Z', 'overlap'], // CEST
    ['Europe/Berlin', '2024-10-27', '03:00', '2024-10-27T02:00:00Z', 'exact'],
    ['Europe/London', '2024-03-31', '01:30', '2024-03-31T01:30:00Z', 'gap'], // → 02:30 BST
    ['Europe/London', '2024-10-27', '01:30', '2024-10-27T00:30:00Z', 'overlap'], // BST
    ['Europe/London', '2024-07-01', '09:00', '2024-07-01T08:00:00Z', 'exact'],
    ['Asia/Kolkata', '2024-03-10', '09:00', '2024-03-10T03:30:00Z', 'exact'],
    ['Asia/Kolkata', '2024-11-03', '09:00', '2024-11-03T03:30:00Z', 'exact'],
    ['Australia/Lord_Howe', '2024-04-06', '09:00', '2024-04-05T22:00:00Z', 'exact'], // +11:00
    ['Australia/Lord_Howe', '2024-04-07', '01:45', '2024-04-06T14:45:00Z', 'overlap'], // first, +11:00
    ['Australia/Lord_Howe', '2024-04-07', '09:00', '2024-04-06T22:30:00Z', 'exact'], // +10:30
    ['Australia/Lord_Howe', '2024-10-05', '09:00', '2024-10-04T22:30:00Z', 'exact'], // +10:30
    ['Australia/Lord_Howe', '2024-10-06', '02:15', '2024-10-05T15:45:00Z', 'gap'], // → 02:45 +11:00
    ['Australia/Lord_Howe', '2024-10-06', '09:00', '2024-10-05T22:00:00Z', 'exact'], // +11:00
  ])('%s %s %s → %s (%s)', (zone, date, time, expected, kind) => {
    const wall = wallMinutesOf(localDate(date), localTime(time))
    expect(resolveWall(zone, wall)).toMatchObject({ instant: utc(expected), kind })
    expect(localToInstant(zone, localDate(date), localTime(time))).toBe(utc(expected))
  })

  it('reports the gap length', () => {
    const ny = resolveWall('America/New_York', wallMinutesOf(localDate('2024-03-10'), localTime('02:30')))
    const lordHowe = resolveWall('Australia/Lord_Howe', wallMinutesOf(localDate('2024-10-06'), localTime('02:15')))
    expect(ny.gapMs).toBe(3_600_000)
    expect(lordHowe.gapMs).toBe(1_800_000)
  })

  it('accepts a civil date object', () => {
    expect(localToInstant('America/New_York', { year: 2024, month: 3, day: 10 }, localTime('09:00'))).toBe(
      utc('2024-03-10T13:00:00Z'),
    )
  })

  it('takes the earlier occurrence in an overlap even where Luxon takes the later one', () => {
    const luxon = DateTime.fromObject({ year: 2024, month: 11, day: 3, hour: 1, minute: 30 }, { zone: 'America/New_York' })
    expect(luxon.toMillis()).toBe(utc('2024-11-03T06:30:00Z'))
    expect(localToInstant('America/New_York', localDate('2024-11-03'), localTime('01:30'))).toBe(utc('2024-11-03T05:30:00Z'))
  })

  it('moves a skipped day forward whole (Samoa skipped 2011-12-30)', () => {
    expect(localToInstant('Pacific/Apia', localDate('2011-12-30'), localTime('09:00'))).toBe(
      localToInstant('Pacific/Apia', localDate('2011-12-31'), localTime('09:00')),
    )
  })
})

describe('toLocal', () => {
  it.each([
    ['2024-03-10T06:59:00Z', 'America/New_York', '2024-03-10', '01:59', -300, 'sun'],
    ['2024-03-10T07:00:00Z', 'America/New_York', '2024-03-10', '03:00', -240, 'sun'],
    ['2024-11-03T05:30:00Z', 'America/New_York', '2024-11-03', '01:30', -240, 'sun'],
    ['2024-11-03T06:30:00Z', 'America/New_York', '2024-11-03', '01:30', -300, 'sun'],
    ['2024-03-31T01:00:00Z', 'Europe/Berlin', '2024-03-31', '03:00', 120, 'sun'],
    ['2024-10-27T01:30:00Z', 'Europe/London', '2024-10-27', '01:30', 0, 'sun'],
    ['2024-03-10T20:00:00Z', 'Asia/Kolkata', '2024-03-11', '01:30', 330, 'mon'],
    ['2024-04-06T14:45:00Z', 'Australia/Lord_Howe', '2024-04-07', '01:45', 660, 'sun'],
    ['2024-04-06T15:15:00Z', 'Australia/Lord_Howe', '2024-04-07', '01:45', 630, 'sun'],
  ])('%s in %s is %s %s (%i min, %s)', (instant, zone, date, time, offsetMinutes, weekday) => {
    const local = toLocal(utc(instant), zone)
    expect(local).toMatchObject({ date, time, offsetMinutes, weekday })
    expect(`${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`).toBe(date)
    expect(`${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`).toBe(time)
    expect(localDateOf(utc(instant), zone)).toBe(date)
  })

  const zones = ['America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']
  const minuteInstants = fc.integer({ min: 0, max: 60 * 24 * 366 * 80 }).map((m) => Date.UTC(1990, 0, 1) + m * 60_000)

  it('agrees with Luxon at random instants', () => {
    fc.assert(
      fc.property(minuteInstants, fc.constantFrom(...zones), (at, zone) => {
        const ours = toLocal(at, zone)
        const theirs = DateTime.fromMillis(at, { zone })
        expect([ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.offsetMinutes]).toEqual([
          theirs.year, theirs.month, theirs.day, theirs.hour, theirs.minute, theirs.offset,
        ])
      }),
      { numRuns: 400 },
    )
  })

  it('round-trips through localToInstant, landing on the first occurrence', () => {
    fc.assert(
      fc.property(minuteInstants, fc.constantFrom(...zones), (at, zone) => {
        const local = toLocal(at, zone)
        const back = localToInstant(zone, local.date, local.time)
        expect(back).toBeLessThanOrEqual(at)
        expect(toLocal(back, zone)).toMatchObject({ date: local.date, time: local.time })
      }),
      { numRuns: 400 },
    )
  })
})

describe('startOfLocalDay', () => {
  it('is the first existing minute of the date', () => {
    // Santiago springs forward at midnight: 2024-09-08 00:00 does not exist.
    expect(startOfLocalDay('America/Santiago', localDate('2024-09-08'))).toBe(utc('2024-09-08T04:00:00Z'))
    expect(toLocal(utc('2024-09-08T04:00:00Z'), 'America/Santiago').time).toBe('01:00')
    expect(startOfLocalDay('Asia/Kolkata', localDate('2024-03-10'))).toBe(utc('2024-03-09T18:30:00Z'))
  })
})

describe('formatLocal', () => {
  const at = utc('2024-03-12T08:00:00Z')

  it('renders human text in each style', () => {
    expect(formatLocal(at, 'Europe/Berlin')).toBe('Tue 09:00 Europe/Berlin')
    expect(formatLocal(at, 'Europe/Berlin', 'date-time')).toBe('2024-03-12 09:00 Europe/Berlin')
    expect(formatLocal(at, 'Asia/Kolkata', 'full')).toBe('Tue 2024-03-12 13:30 Asia/Kolkata (UTC+05:30)')
  })
})
