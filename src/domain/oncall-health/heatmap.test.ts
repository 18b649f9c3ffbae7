import { describe, expect, it } from 'vitest'
import { interruptionHeatmap, sumHeatmaps } from './heatmap.js'
import { at, pagesAt, person } from './test-fixtures.js'

describe('interruption heatmap by local hour and weekday', () => {
  it('places one instant in each person’s own zone', () => {
    const tuesday10utc = '2026-01-13T10:00:00Z'
    const la = interruptionHeatmap(pagesAt(person('lee', 'America/Los_Angeles'), [tuesday10utc]))
    const london = interruptionHeatmap(pagesAt(person('lou', 'Europe/London'), [tuesday10utc]))
    expect(la.counts[1]?.[2]).toBe(1) // Tuesday 02:00
    expect(london.counts[1]?.[10]).toBe(1) // Tuesday 10:00
    const team = sumHeatmaps([la, london])
    expect(team.total).toBe(2)
    expect(team.counts[1]?.[2]).toBe(1)
    expect(team.counts[1]?.[10]).toBe(1)
    expect(team.counts.flat().reduce((s, n) => s + n, 0)).toBe(2)
  })

  it('has 7 weekdays, Monday first, of 24 hours each', () => {
    const map = interruptionHeatmap([])
    expect(map.weekdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
    expect(map.counts.map((r) => r.length)).toEqual([24, 24, 24, 24, 24, 24, 24])
  })

  it('puts both 01:30s of a fall-back night in hour 1', () => {
    const map = interruptionHeatmap([
      { at: at('2026-11-01T01:30:00-04:00'), timeZone: 'America/New_York' },
      { at: at('2026-11-01T01:30:00-05:00'), timeZone: 'America/New_York' },
    ])
    expect(map.counts[6]?.[1]).toBe(2) // Sunday 01:00–02:00
  })
})
