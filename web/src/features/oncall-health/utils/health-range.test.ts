import { describe, expect, it } from 'vitest'
import { healthRangeQuery, healthRangeSearch, nextDate, readHealthRange } from './health-range'

const q = (s: string) => new URLSearchParams(s)
const NOW = Date.parse('2026-11-24T03:00:00Z')

describe('health range', () => {
  it('defaults to the last 4 weeks and keeps only known presets', () => {
    expect(readHealthRange(q(''))).toEqual({ kind: 'days', days: 28 })
    expect(readHealthRange(q('days=7'))).toEqual({ kind: 'days', days: 7 })
    expect(readHealthRange(q('days=5'))).toEqual({ kind: 'days', days: 28 })
    expect(readHealthRange(q('from=2026-11-01&to=2026-11-30'))).toEqual({ kind: 'dates', from: '2026-11-01', to: '2026-11-30' })
    expect(readHealthRange(q('from=2026-11-01'))).toEqual({ kind: 'days', days: 28 })
  })

  it('writes the query string back, empty for the default', () => {
    expect(healthRangeSearch({ kind: 'days', days: 28 })).toBe('')
    expect(healthRangeSearch({ kind: 'days', days: 7 })).toBe('?days=7')
    expect(healthRangeSearch({ kind: 'dates', from: '2026-11-01', to: '2026-11-30' })).toBe('?from=2026-11-01&to=2026-11-30')
  })

  it('asks the server for its default range, or from a preset before now', () => {
    expect(healthRangeQuery({ kind: 'days', days: 28 }, 'Europe/Berlin', NOW)).toEqual({})
    expect(healthRangeQuery({ kind: 'days', days: 7 }, 'Europe/Berlin', NOW)).toEqual({ from: '2026-11-17T03:00:00.000Z' })
  })

  it('turns local dates into the team zone’s midnights, the last day included, across DST', () => {
    expect(healthRangeQuery({ kind: 'dates', from: '2026-10-20', to: '2026-11-02' }, 'Europe/Berlin', NOW)).toEqual({ from: '2026-10-19T22:00:00.000Z', to: '2026-11-02T23:00:00.000Z' })
    expect(healthRangeQuery({ kind: 'dates', from: '2026-11-01', to: '2026-11-01' }, 'America/New_York', NOW)).toEqual({ from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' })
    expect(healthRangeQuery({ kind: 'dates', from: '2026-11-02', to: '2026-11-01' }, 'UTC', NOW)).toEqual({ error: 'The last day must not be before the first.' })
  })

  it('steps over month and year ends', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01')
    expect(nextDate('2028-02-28')).toBe('2028-02-29')
  })
})
