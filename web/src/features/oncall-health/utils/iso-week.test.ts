import { describe, expect, it } from 'vitest'
import { addIsoWeeks, isIsoWeek, isoWeekOf } from './iso-week'

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23T10:00:00Z', 'Europe/Berlin', '2026-W48'],
    ['2026-11-22T23:30:00Z', 'Europe/Berlin', '2026-W48'], // Monday 00:30 in Berlin, still Sunday in UTC
    ['2026-11-22T23:30:00Z', 'UTC', '2026-W47'],
    ['2027-01-01T12:00:00Z', 'UTC', '2026-W53'],
    ['2024-12-30T12:00:00Z', 'UTC', '2025-W01'],
  ])('%s in %s is in %s', (iso, zone, week) => {
    expect(isoWeekOf(Date.parse(iso), zone)).toBe(week)
  })

  it('steps weeks across year ends, 53-week years included', () => {
    expect(addIsoWeeks('2026-W48', -1)).toBe('2026-W47')
    expect(addIsoWeeks('2026-W53', 1)).toBe('2027-W01')
    expect(addIsoWeeks('2027-W01', -1)).toBe('2026-W53')
    expect(addIsoWeeks('2025-W52', 1)).toBe('2026-W01')
  })

  it('recognises week strings', () => {
    expect(isIsoWeek('2026-W48')).toBe(true)
    expect(isIsoWeek('2026-48')).toBe(false)
  })
})
