import { describe, expect, it } from 'vitest'
import { cronSchedule, cronScheduleError, cronTimes, nextCronTime } from './cron.js'

const at = (iso: string): number => Date.parse(iso)
const iso = (ms: number): string => new Date(ms).toISOString()

describe('cronScheduleError', () => {
  it.each([
    ['0 2 * * *', 'America/New_York'],
    ['*/5 * * * *', 'UTC'],
    ['0 9 * * MON-FRI', 'Europe/London'],
    ['30 4 * * THU', 'Asia/Kolkata'],
    ['0 0 L * *', 'UTC'],
    ['0 0 * * 1#1', 'Australia/Lord_Howe'],
  ])('accepts %s in %s', (expression, zone) => {
    expect(cronScheduleError(expression, zone)).toBeNull()
  })

  it.each([
    ['', 'expected 5 fields'],
    ['* * *', 'expected 5 fields'],
    ['0 0 * * * *', 'expected 5 fields'],
    ['61 * * * *', 'Constraint error'],
    ['0 0 31 2 *', 'day of month'],
    ['H * * * *', '"H"'],
    ['nonsense here * * *', ''],
  ])('rejects %j', (expression, reason) => {
    expect(cronScheduleError(expression, 'UTC')).toContain(reason)
  })

  it('rejects offsets and unknown zones', () => {
    expect(cronScheduleError('0 2 * * *', '+02:00')).toMatch(/time zone/)
    expect(cronScheduleError('0 2 * * *', 'Mars/Olympus')).toMatch(/time zone/)
  })

  it('normalizes spacing', () => {
    expect(cronSchedule('  0   2 * *  * ', 'UTC').expression).toBe('0 2 * * *')
    expect(() => cronSchedule('bad', 'UTC')).toThrow(RangeError)
  })
})

describe('nextCronTime', () => {
  it('is strictly after the given instant', () => {
    const daily = cronSchedule('0 2 * * *', 'UTC')
    expect(iso(nextCronTime(daily, at('2024-01-01T02:00:00Z'))!)).toBe('2024-01-02T02:00:00.000Z')
    expect(iso(nextCronTime(daily, at('2024-01-01T01:59:59.999Z'))!)).toBe('2024-01-01T02:00:00.000Z')
  })

  it('gives the same answer however often it is asked (the cached iterator is reset)', () => {
    const s = cronSchedule('*/15 * * * *', 'Europe/London')
    const from = at('2024-06-01T10:07:00Z')
    expect(nextCronTime(s, from)).toBe(nextCronTime(s, from))
    expect(iso(nextCronTime(s, from)!)).toBe('2024-06-01T10:15:00.000Z')
  })
})

describe('DST: "0 2 * * *" in America/New_York', () => {
  const s = cronSchedule('0 2 * * *', 'America/New_York')

  it('fires at 03:00 EDT on the spring-forward day (2023-03-12), when 02:00 does not exist', () => {
    const times = cronTimes(s, at('2023-03-10T12:00:00Z'), at('2023-03-14T12:00:00Z'), 10).map(iso)
    expect(times).toEqual([
      '2023-03-11T07:00:00.000Z', // 02:00 EST
      '2023-03-12T07:00:00.000Z', // 03:00 EDT (02:00 skipped, moved forward by the gap)
      '2023-03-13T06:00:00.000Z', // 02:00 EDT
      '2023-03-14T06:00:00.000Z',
    ])
  })

  it('fires once on the fall-back day (2023-11-05)', () => {
    const times = cronTimes(s, at('2023-11-04T00:00:00Z'), at('2023-11-06T12:00:00Z'), 10).map(iso)
    expect(times).toEqual(['2023-11-04T06:00:00.000Z', '2023-11-05T07:00:00.000Z', '2023-11-06T07:00:00.000Z'])
  })

  it('fires a fixed repeated wall time (01:30) at its earlier occurrence only', () => {
    const times = cronTimes(cronSchedule('30 1 * * *', 'America/New_York'), at('2023-11-05T00:00:00Z'), at('2023-11-05T12:00:00Z'), 10)
    expect(times.map(iso)).toEqual(['2023-11-05T05:30:00.000Z']) // 01:30 EDT, not 01:30 EST
  })

  it('fires a wildcard-hour schedule once too: nothing during the second pass of the repeated hour', () => {
    const times = cronTimes(cronSchedule('*/30 * * * *', 'America/New_York'), at('2023-11-05T04:00:00Z'), at('2023-11-05T08:00:00Z'), 10)
    expect(times.map(iso)).toEqual([
      '2023-11-05T04:30:00.000Z', // 00:30 EDT
      '2023-11-05T05:00:00.000Z', // 01:00 EDT
      '2023-11-05T05:30:00.000Z', // 01:30 EDT; 01:00 and 01:30 EST are the same readings again
      '2023-11-05T07:00:00.000Z', // 02:00 EST
      '2023-11-05T07:30:00.000Z',
      '2023-11-05T08:00:00.000Z',
    ])
  })

  it('does not fire twice when a skipped time lands on one that exists', () => {
    const times = cronTimes(cronSchedule('0,30 1-3 * * *', 'America/New_York'), at('2023-03-12T05:00:00Z'), at('2023-03-12T09:00:00Z'), 10)
    // 01:00 01:30 EST, then 02:00→03:00 EDT and 02:30→03:30 EDT, which 03:00 and 03:30 already are.
    expect(times.map(iso)).toEqual(['2023-03-12T06:00:00.000Z', '2023-03-12T06:30:00.000Z', '2023-03-12T07:00:00.000Z', '2023-03-12T07:30:00.000Z'])
  })

  it('starting inside the second pass of the repeated hour waits for 02:00 EST', () => {
    expect(iso(nextCronTime(cronSchedule('*/15 * * * *', 'America/New_York'), at('2023-11-05T06:10:00Z'))!)).toBe('2023-11-05T07:00:00.000Z')
  })
})

describe('other zones', () => {
  it('Europe/London skips 01:30 on 2024-03-31 and fires at 02:30 BST', () => {
    const times = cronTimes(cronSchedule('30 1 * * *', 'Europe/London'), at('2024-03-30T00:00:00Z'), at('2024-04-01T12:00:00Z'), 10)
    expect(times.map(iso)).toEqual(['2024-03-30T01:30:00.000Z', '2024-03-31T01:30:00.000Z', '2024-04-01T00:30:00.000Z'])
  })

  it('Asia/Kolkata has a half-hour offset and no DST', () => {
    expect(iso(nextCronTime(cronSchedule('0 9 * * *', 'Asia/Kolkata'), at('2024-01-01T00:00:00Z'))!)).toBe('2024-01-01T03:30:00.000Z')
  })

  it('Australia/Lord_Howe shifts by 30 minutes on 2024-04-07', () => {
    const times = cronTimes(cronSchedule('0 9 * * *', 'Australia/Lord_Howe'), at('2024-04-05T12:00:00Z'), at('2024-04-08T12:00:00Z'), 10)
    // 09:00 at +11:00, then 09:00 at +10:30 after the shift.
    expect(times.map(iso)).toEqual(['2024-04-05T22:00:00.000Z', '2024-04-06T22:30:00.000Z', '2024-04-07T22:30:00.000Z'])
  })
})

describe('cronTimes', () => {
  it('stops at the limit', () => {
    expect(cronTimes(cronSchedule('* * * * *', 'UTC'), 0, 86_400_000, 5)).toHaveLength(5)
  })
})
