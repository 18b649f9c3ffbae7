import { describe, expect, it } from 'vitest'
import { compensationRows, toCsv } from './compensation.js'
import { measureBurden } from './metrics.js'
import { derivePages } from './pages.js'
import { at, person, sent } from './test-fixtures.js'

const ana = person('ana', 'Europe/Berlin')
const range = { start: at('2026-03-09T00:00:00+01:00'), end: at('2026-03-16T00:00:00+01:00') }
const report = measureBurden({
  range,
  now: range.end,
  people: [ana, person('ben', 'Europe/Berlin')],
  pages: derivePages([
    sent('a1', 'ana', '2026-03-10T02:00:00+01:00'),
    sent('a2', 'ana', '2026-03-10T02:05:00+01:00'), // same wake-up: one credit
    sent('a3', 'ana', '2026-03-11T04:00:00+01:00'), // second wake-up, acknowledged by nobody
  ]),
  shifts: [],
  alerts: [
    // 02:05 → 03:25 is 80 minutes outside working hours.
    { id: 'a1', createdAt: at('2026-03-10T02:00:00+01:00'), acknowledgedAt: at('2026-03-10T02:05:00+01:00'), acknowledgedBy: 'ana', resolvedAt: at('2026-03-10T03:25:00+01:00') },
    // 16:40 → 17:20: 20 of its 40 minutes are after working hours.
    { id: 'a4', createdAt: at('2026-03-12T16:35:00+01:00'), acknowledgedAt: at('2026-03-12T16:40:00+01:00'), acknowledgedBy: 'ana', resolvedAt: at('2026-03-12T17:20:00+01:00') },
  ],
})

describe('compensation ledger: time in lieu', () => {
  it('pays engaged off-hours time × 1.5 plus 60 minutes per sleep-hours wake-up by default', () => {
    const [anaRow, benRow] = compensationRows(report, undefined, new Map([['ana', 'Ana Müller, SRE']]))
    expect(anaRow).toEqual({
      userId: 'ana',
      name: 'Ana Müller, SRE',
      periodStart: range.start,
      periodEnd: range.end,
      engagedOffHoursMinutes: 100,
      sleepHoursWakeUps: 2,
      factor: 1.5,
      engagedCreditMinutes: 150,
      wakeUpCreditMinutes: 120,
      minutesInLieu: 270,
    })
    expect(benRow).toMatchObject({ name: 'ben', minutesInLieu: 0 })
  })

  it('follows a team’s policy', () => {
    const [row] = compensationRows(report, { factor: 2, countSleepHoursPagesAsMinutes: 30 })
    expect(row).toMatchObject({ engagedCreditMinutes: 200, wakeUpCreditMinutes: 60, minutesInLieu: 260 })
    expect(() => compensationRows(report, { factor: -1, countSleepHoursPagesAsMinutes: 0 })).toThrow(RangeError)
  })

  it('exports RFC 4180 CSV with a header, quoting where needed and RFC 3339 UTC times', () => {
    const csv = toCsv(compensationRows(report, undefined, new Map([['ana', 'Ana "the pager" Müller, SRE']])))
    expect(csv.split('\r\n')).toEqual([
      'user_id,name,period_start,period_end,engaged_off_hours_minutes,sleep_hours_wake_ups,factor,engaged_credit_minutes,wake_up_credit_minutes,minutes_in_lieu',
      'ana,"Ana ""the pager"" Müller, SRE",2026-03-08T23:00:00.000Z,2026-03-15T23:00:00.000Z,100,2,1.5,150,120,270',
      'ben,ben,2026-03-08T23:00:00.000Z,2026-03-15T23:00:00.000Z,0,0,1.5,0,0,0',
      '',
    ])
    expect(toCsv([])).toBe(
      'user_id,name,period_start,period_end,engaged_off_hours_minutes,sleep_hours_wake_ups,factor,engaged_credit_minutes,wake_up_credit_minutes,minutes_in_lieu\r\n',
    )
  })
})
