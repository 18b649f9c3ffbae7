import { describe, expect, it } from 'vitest'
import { suggestThreshold, type ThresholdSuggestionInput, type TimeWindow } from './suggest-threshold.js'

const MIN = 60_000
const DAY = 1440 * MIN
const START = Date.UTC(2024, 1, 5)
const WEEKS = 4

/** A deterministic pseudo-random stream (LCG), so the series is the same on every run. */
function noise(seed: number): () => number {
  let x = seed
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31
    return x / 2 ** 31
  }
}

interface Incident extends TimeWindow {
  readonly peak: number
}

/**
 * Four weeks of per-minute p99 latency in ms: 120–200 normally, a nightly batch job that pushes
 * it to 350 for 5 minutes at 02:00 (harmless: the noise the current threshold of 300 pages on
 * every night), and incidents whose latency ramps from 250 up to `peak` over 30 minutes.
 */
function latency(incidents: readonly Incident[]): ThresholdSuggestionInput['series'] {
  const random = noise(42)
  return Array.from({ length: WEEKS * 7 * 1440 }, (_, i) => {
    const at = START + i * MIN
    const minuteOfDay = i % 1440
    const incident = incidents.find((w) => at >= w.from && at <= w.to)
    if (incident !== undefined) return { at, value: 250 + ((incident.peak - 250) * (at - incident.from)) / (incident.to - incident.from) }
    if (minuteOfDay >= 120 && minuteOfDay < 125) return { at, value: 350 }
    return { at, value: 120 + 80 * random() }
  })
}

const incident = (day: number, hour: number, peak: number): Incident => {
  const from = START + day * DAY + hour * 60 * MIN
  return { from, to: from + 30 * MIN, peak }
}

describe('suggestThreshold on a synthetic latency series', () => {
  const incidents = [incident(5, 14, 1200), incident(19, 10, 1200)]
  const base = { comparison: '>' as const, currentThreshold: 300, targetAlertsPerWeek: 1 }

  it('replaces a threshold that pages on the nightly batch with one that only catches the incidents', () => {
    const r = suggestThreshold({ ...base, series: latency(incidents), actionableWindows: incidents })
    // 28 nightly batch spikes + 2 incidents in 4 weeks.
    expect(r.firesPerWeekAtCurrent).toBeCloseTo(7.5, 1)
    // Clear of the batch spikes, with margin below the incidents.
    expect(r.suggested).toBeGreaterThan(350)
    expect(r.suggested).toBeLessThan(1200)
    expect(r.firesPerWeekAtSuggested).toBeCloseTo(0.5, 1)
    expect(r).toMatchObject({ catchesActionable: 2, missesActionable: 0 })
    expect(r.because).toMatch(/ fires 0\.5 times a week and still catches all 2 actionable windows, within the target of 1$/)
  })

  it('states the trade-off when catching every incident costs more than the target', () => {
    // A mild incident (peak 340) hides below the nightly batch (350): catching it means paging nightly.
    const mild = [incident(5, 14, 1200), { ...incident(12, 9, 340) }]
    const r = suggestThreshold({ ...base, series: latency(mild), actionableWindows: mild })
    expect(r).toMatchObject({ catchesActionable: 2, missesActionable: 0 })
    expect(r.suggested).toBeLessThan(340)
    expect(r.firesPerWeekAtSuggested).toBeGreaterThan(1)
    expect(r.because).toContain('above the target of 1: any quieter candidate would miss an actionable window')
  })

  it('says so when no candidate catches every actionable window', () => {
    // Users saw errors for an hour, but latency was at its lowest: no latency threshold catches that.
    const invisible = { from: START + 3 * DAY + 5 * 60 * MIN, to: START + 3 * DAY + 6 * 60 * MIN }
    const series = latency([]).map((p) => (p.at >= invisible.from && p.at <= invisible.to ? { ...p, value: 100 } : p))
    const r = suggestThreshold({ ...base, currentThreshold: 1000, series, actionableWindows: [invisible] })
    expect(r.missesActionable).toBe(1)
    expect(r.because).toContain('no candidate catches all 1 actionable windows')
  })

  it('without actionable windows, picks the most sensitive threshold within the target', () => {
    const r = suggestThreshold({ ...base, series: latency(incidents), actionableWindows: [], targetAlertsPerWeek: 8 })
    expect(r.firesPerWeekAtSuggested).toBeLessThanOrEqual(8)
    expect(r.suggested).toBeLessThanOrEqual(300)
    expect(r.because).toContain('the most sensitive within the target of 8')
  })

  it('looks at low percentiles for "<" alarms', () => {
    // Throughput: normally 900–1000 rps, one outage at 100 rps.
    const outage = { from: START + 2 * DAY, to: START + 2 * DAY + 20 * MIN }
    const random = noise(7)
    const series = Array.from({ length: 7 * 1440 }, (_, i) => {
      const at = START + i * MIN
      return { at, value: at >= outage.from && at <= outage.to ? 100 : 900 + 100 * random() }
    })
    const r = suggestThreshold({ series, comparison: '<', currentThreshold: 950, actionableWindows: [outage], targetAlertsPerWeek: 1 })
    expect(r.firesPerWeekAtCurrent).toBeGreaterThan(100)
    expect(r.catchesActionable).toBe(1)
    expect(r.firesPerWeekAtSuggested).toBeCloseTo(1, 2)
    // Halfway between the normal floor (p0.5, about 900) and the outage (p0.1, 100).
    expect(r.suggested).toBeGreaterThan(100)
    expect(r.suggested).toBeLessThan(900)
    expect(r.because).toMatch(/^between p0\.5 and p0\.1 \(500\.\d+\) fires 1 times a week/)
  })

  it('keeps the current threshold when there is no data', () => {
    expect(suggestThreshold({ ...base, series: [], actionableWindows: incidents })).toMatchObject({ suggested: 300, missesActionable: 2, because: 'no data to learn from' })
  })
})
