import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { BURN_RATE_ALERTS, burnRateThreshold, evaluateBurnRate, normalizeSlo, type SloCount } from './burn-rate.js'

const MIN = 60_000
const NOW = Date.UTC(2024, 5, 1, 12, 0)
const slo = { target: 0.999, periodDays: 30 }

/**
 * Synthetic traffic: 10,000 requests a minute for `minutes` minutes before NOW, with an error
 * rate per minute given by `errorRate(minutesAgo)`.
 */
function traffic(minutes: number, errorRate: (minutesAgo: number) => number): SloCount[] {
  return Array.from({ length: minutes }, (_, i) => {
    const minutesAgo = minutes - i
    return { at: NOW - minutesAgo * MIN, good: 10_000 - Math.round(10_000 * errorRate(minutesAgo)), total: 10_000 }
  })
}

const THREE_DAYS = 3 * 24 * 60

describe('burn-rate thresholds', () => {
  it('are the SRE workbook numbers for a 30-day SLO: 14.4, 6 and 1', () => {
    expect(BURN_RATE_ALERTS.map((a) => burnRateThreshold(slo, a))).toEqual([14.4, 6, 1])
  })

  it('scale with the SLO period', () => {
    expect(burnRateThreshold({ target: 0.999, periodDays: 7 }, BURN_RATE_ALERTS[0]!)).toBeCloseTo(3.36)
  })
})

describe('evaluateBurnRate', () => {
  it('stays quiet on healthy traffic', () => {
    const r = evaluateBurnRate(slo, traffic(THREE_DAYS, () => 0), NOW)
    expect(r).toMatchObject({ page: false, ticket: false, budgetRemaining: 1 })
    expect(r.burnRates['1h']).toBe(0)
    expect(r.reason).toContain('within budget')
  })

  it('pages on a fast burn: 2% errors (20× burn) over the last hour and five minutes', () => {
    const r = evaluateBurnRate(slo, traffic(THREE_DAYS, (ago) => (ago <= 65 ? 0.02 : 0)), NOW)
    expect(r.page).toBe(true)
    expect(r.burnRates['1h']).toBeCloseTo(20)
    expect(r.burnRates['5m']).toBeCloseTo(20)
    expect(r.reason).toContain('page: burning 20.0× over 1h and 20.0× over 5m (> 14.4×')
  })

  it('stops paging once the problem stops: the 5-minute window resets first', () => {
    const ended = traffic(THREE_DAYS, (ago) => (ago > 10 && ago <= 65 ? 0.02 : 0))
    const r = evaluateBurnRate(slo, ended, NOW)
    expect(r.burnRates['1h']).toBeGreaterThan(14.4)
    expect(r.burnRates['5m']).toBe(0)
    expect(r.page).toBe(false)
  })

  it('pages on a slower burn: 0.7% errors (7×) for six hours', () => {
    const r = evaluateBurnRate(slo, traffic(THREE_DAYS, (ago) => (ago <= 6 * 60 ? 0.007 : 0)), NOW)
    expect(r.burnRates['6h']).toBeCloseTo(7)
    expect(r.burnRates['1h']!).toBeLessThan(14.4)
    expect(r).toMatchObject({ page: true, ticket: false })
  })

  it('files a ticket, not a page, on a steady 1.5× burn over three days', () => {
    const r = evaluateBurnRate(slo, traffic(THREE_DAYS, () => 0.0015), NOW)
    expect(r.burnRates['3d']).toBeCloseTo(1.5)
    expect(r).toMatchObject({ page: false, ticket: true })
    expect(r.reason).toContain('ticket:')
  })

  it('reports the share of the period\'s error budget left', () => {
    const month = traffic(30 * 24 * 60, () => 0.0005) // half the allowed error rate, all month
    expect(evaluateBurnRate(slo, month, NOW).budgetRemaining).toBeCloseTo(0.5)
  })

  it('has no burn rate without traffic, and never pages on silence', () => {
    const r = evaluateBurnRate(slo, [], NOW)
    expect(r.burnRates).toEqual({ '5m': null, '30m': null, '1h': null, '6h': null, '3d': null })
    expect(r).toMatchObject({ page: false, ticket: false, budgetRemaining: 1 })
  })

  it('ignores counts at or after now', () => {
    const future = [{ at: NOW, good: 0, total: 1000 }]
    expect(evaluateBurnRate(slo, future, NOW).burnRates['5m']).toBeNull()
  })
})

describe('normalizeSlo', () => {
  it('defaults the period to 30 days', () => {
    expect(normalizeSlo({ target: 0.995 })).toEqual({ target: 0.995, periodDays: 30 })
  })

  it('rejects a target of 1 (no error budget) and odd periods', () => {
    expect(() => normalizeSlo({ target: 1 })).toThrow(AppError)
    expect(() => normalizeSlo({ target: 0.99, periodDays: 0 })).toThrow(/periodDays/)
  })
})
