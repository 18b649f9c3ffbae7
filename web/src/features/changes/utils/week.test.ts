import { describe, expect, it } from 'vitest'
import { weekDays, weekFromParam, weekStartOf } from './week'

const at = (iso: string) => Date.parse(iso)

describe('weekStartOf', () => {
  it('finds Monday 00:00 in the zone, not in UTC', () => {
    // Sun 29 Nov 23:30 UTC is already Monday 30 Nov in Berlin.
    expect(new Date(weekStartOf(at('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toISOString()).toBe('2026-11-29T23:00:00.000Z')
    expect(new Date(weekStartOf(at('2026-11-29T23:30:00Z'), 'UTC')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(new Date(weekStartOf(at('2026-11-24T10:00:00Z'), 'Asia/Kolkata')).toISOString()).toBe('2026-11-22T18:30:00.000Z')
  })
})

describe('weekFromParam', () => {
  it('takes any day of the week and falls back to the week of now', () => {
    expect(new Date(weekFromParam('2026-11-26', 'Europe/Berlin', 0)).toISOString()).toBe('2026-11-22T23:00:00.000Z')
    expect(new Date(weekFromParam('junk', 'UTC', at('2026-11-24T10:00:00Z'))).toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })
})

describe('weekDays', () => {
  it('has a 25-hour Sunday when New York falls back', () => {
    const days = weekDays(weekStartOf(at('2023-11-01T12:00:00Z'), 'America/New_York'), 'America/New_York')
    expect(days.map((d) => d.label)).toEqual(['Mon 30 Oct', 'Tue 31 Oct', 'Wed 1 Nov', 'Thu 2 Nov', 'Fri 3 Nov', 'Sat 4 Nov', 'Sun 5 Nov'])
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 24, 24, 24, 24, 24, 25])
    expect(days[6]?.weekend).toBe(true)
    expect(days[6]?.date).toBe('2023-11-05')
  })

  it('has a 23.5-hour Sunday when Lord Howe springs forward by half an hour', () => {
    const days = weekDays(weekStartOf(at('2023-09-28T00:00:00Z'), 'Australia/Lord_Howe'), 'Australia/Lord_Howe')
    expect(days[6]?.label).toBe('Sun 1 Oct')
    expect(((days[6]?.end ?? 0) - (days[6]?.start ?? 0)) / 3_600_000).toBe(23.5)
  })
})
