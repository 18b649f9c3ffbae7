import { describe, expect, it } from 'vitest'
import { chartGeometry, niceStep } from './chart-geometry'

const SIZE = { width: 400, height: 200, left: 40, right: 0, top: 0, bottom: 0 }
const T0 = Date.parse('2026-11-23T10:00:00Z')
const MIN = 60_000

describe('alarm chart geometry', () => {
  it('breaks the line at missing data and shades breaching periods', () => {
    const points = [300, null, 700, 720].map((value, i) => ({ at: T0 + i * MIN, value }))
    const g = chartGeometry({ points, periodMs: MIN, comparison: '>', threshold: 500, recoveryThreshold: 400 }, SIZE)
    expect(g.line.match(/M/g)).toHaveLength(2)
    expect(g.dots.map((d) => d.breaching)).toEqual([false, true, true])
    expect(g.bands.map((b) => b.at)).toEqual([T0 + 2 * MIN, T0 + 3 * MIN])
    expect(g.bands[0]).toMatchObject({ x: 220, width: 90 })
    expect(g.breachingCount).toBe(2)
    // The threshold is above the recovery line, both inside the plot.
    expect(g.thresholdY).toBeLessThan(g.recoveryY ?? 0)
    expect(g.yTicks[0]?.value).toBeLessThanOrEqual(300)
    expect(g.yTicks[g.yTicks.length - 1]?.value).toBeGreaterThanOrEqual(720)
  })

  it('judges low-side alarms with their comparison, and copes with a flat or empty series', () => {
    const points = [5, 1].map((value, i) => ({ at: T0 + i * MIN, value }))
    expect(chartGeometry({ points, periodMs: MIN, comparison: '<=', threshold: 2, recoveryThreshold: null }, SIZE).dots.map((d) => d.breaching)).toEqual([false, true])
    const empty = chartGeometry({ points: [{ at: T0, value: null }], periodMs: MIN, comparison: '>', threshold: 10, recoveryThreshold: null }, SIZE)
    expect(empty.line).toBe('')
    expect(empty.yTicks.length).toBeGreaterThan(1)
  })

  it('puts time ticks on round local times', () => {
    const points = Array.from({ length: 60 }, (_, i) => ({ at: T0 + 7 * MIN + i * MIN, value: 1 }))
    const ticks = chartGeometry({ points, periodMs: MIN, comparison: '>', threshold: 2, recoveryThreshold: null }, SIZE).xTicks
    expect(ticks.map((t) => new Date(t.at).toISOString().slice(11, 16))).toEqual(['10:10', '10:20', '10:30', '10:40', '10:50', '11:00'])
    // India is 5:30 ahead: hourly ticks fall on local hours, i.e. at :30 UTC.
    const day = Array.from({ length: 24 * 12 }, (_, i) => ({ at: T0 + i * 5 * MIN, value: 1 }))
    const local = chartGeometry({ points: day, periodMs: 5 * MIN, comparison: '>', threshold: 2, recoveryThreshold: null }, SIZE, 330).xTicks
    expect(new Date(local[0]?.at ?? 0).toISOString().slice(14, 16)).toBe('30')
  })

  it('picks nice steps', () => {
    expect([0.7, 3, 24, 110].map(niceStep)).toEqual([1, 5, 25, 200])
  })
})
