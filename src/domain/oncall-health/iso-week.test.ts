import { describe, expect, it } from 'vitest'
import { localDate } from '../../lib/time/index.js'
import { isoWeekOf, isoWeekRange, parseIsoWeek, previousIsoWeek } from './iso-week.js'
import { at } from './test-fixtures.js'

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(localDate(date))).toBe(week)
  })

  it('parses a label to its Monday and rejects weeks that do not exist', () => {
    expect(parseIsoWeek('2026-W48')).toBe('2026-11-23')
    expect(parseIsoWeek('2020-W53')).toBe('2020-12-28')
    expect(parseIsoWeek('2026-W53')).toBe('2026-12-28')
    expect(parseIsoWeek('2025-W53')).toBeNull()
    expect(parseIsoWeek('2026-W00')).toBeNull()
    expect(parseIsoWeek('2026-48')).toBeNull()
  })

  it('spans Monday to Monday in the zone, 169 hours across the autumn DST change', () => {
    const r = isoWeekRange(localDate('2026-10-19'), 'Europe/Berlin')
    expect(r.start).toBe(at('2026-10-19T00:00:00+02:00'))
    expect(r.end).toBe(at('2026-10-26T00:00:00+01:00'))
    expect((r.end - r.start) / 3_600_000).toBe(169)
  })

  it('a report sent on Monday covers the week before', () => {
    expect(previousIsoWeek(at('2026-11-30T09:00:00+01:00'), 'Europe/Berlin')).toBe('2026-11-23')
    expect(previousIsoWeek(at('2026-11-29T23:30:00+01:00'), 'Europe/Berlin')).toBe('2026-11-16')
  })
})
