import { describe, expect, it } from 'vitest'
import type { Shift } from '../../../types/api'
import { daysOf, fortnightFrom, layoutShifts, positionOf } from './timeline'

const at = (iso: string) => Date.parse(iso)
const shift = (start: string, end: string): Shift => ({ start, end, user: null, source: { type: 'gap' } })

describe('timeline layout', () => {
  const range = { from: at('2026-11-23T00:00:00Z'), to: at('2026-11-25T00:00:00Z') }

  it('places and clips shifts in percent of the range', () => {
    const blocks = layoutShifts([
      shift('2026-11-22T12:00:00Z', '2026-11-23T12:00:00Z'),
      shift('2026-11-23T12:00:00Z', '2026-11-24T00:00:00Z'),
      shift('2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z'),
    ], range)
    expect(blocks.map((b) => [b.left, b.width, b.clippedStart, b.clippedEnd])).toEqual([
      [0, 25, true, false],
      [25, 25, false, false],
    ])
  })

  it('puts instants outside the range nowhere', () => {
    expect(positionOf(at('2026-11-24T00:00:00Z'), range)).toBe(50)
    expect(positionOf(at('2026-11-26T00:00:00Z'), range)).toBeNull()
  })

  it('starts the fortnight at local midnight and moves by weeks', () => {
    const now = at('2026-11-23T10:00:00Z')
    expect(fortnightFrom(now, 'Europe/Berlin', 0)).toEqual({ from: at('2026-11-22T23:00:00Z'), to: at('2026-12-06T23:00:00Z') })
    expect(fortnightFrom(now, 'Europe/Berlin', -1).from).toBe(at('2026-11-15T23:00:00Z'))
  })

  it('makes the day clocks go back a 25-hour column', () => {
    const zone = 'America/New_York'
    const days = daysOf(fortnightFrom(at('2023-11-04T16:00:00Z'), zone, 0), zone)
    expect(days).toHaveLength(14)
    expect(days[1]?.label).toBe('Sun 5 Nov')
    expect((days[1]?.width ?? 0) / (days[0]?.width ?? 1)).toBeCloseTo(25 / 24)
    expect(days.filter((d) => d.weekend).map((d) => d.label)).toEqual(['Sat 4 Nov', 'Sun 5 Nov', 'Sat 11 Nov', 'Sun 12 Nov'])
  })
})
