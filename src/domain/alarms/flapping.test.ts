import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { flapState, normalizeFlapThresholds, percentStateChange } from './flapping.js'

const steady = (state: boolean, n = 21): boolean[] => Array<boolean>(n).fill(state)
const alternating = (n = 21): boolean[] => Array.from({ length: n }, (_, i) => i % 2 === 1)

describe('percentStateChange (Nagios weighting, 0.75 oldest to 1.25 newest)', () => {
  it('is 0 for a steady state and 100 when every check changed', () => {
    expect(percentStateChange(steady(true))).toBe(0)
    expect(percentStateChange(alternating())).toBeCloseTo(100)
  })

  it('weighs the newest change most: 1.25 / 20 = 6.25%, the oldest 0.75 / 20 = 3.75%', () => {
    expect(percentStateChange([...steady(false, 20), true])).toBeCloseTo(6.25)
    expect(percentStateChange([false, ...steady(true, 20)])).toBeCloseTo(3.75)
  })

  it('pads a short history with its oldest state, like Nagios filling a fresh history', () => {
    expect(percentStateChange([])).toBe(0)
    expect(percentStateChange([true])).toBe(0)
    expect(percentStateChange([false, true])).toBeCloseTo(6.25)
  })

  it('looks at the last 21 states only', () => {
    expect(percentStateChange([...alternating(30), ...steady(true, 21)])).toBe(0)
  })
})

describe('flapState', () => {
  const thresholds = { low: 25, high: 50 }

  it('starts flapping at the high threshold (inclusive)', () => {
    expect(flapState(alternating(), false, thresholds)).toMatchObject({ flapping: true })
    // Ten changes in the newest ten slots: weights 0.776…1.25 sum to 10.13, so 50.66% ≥ 50.
    const recentFlaps = [...steady(false, 11), ...alternating(10).map((b) => !b)]
    expect(flapState(recentFlaps, false, thresholds).percentChange).toBeGreaterThanOrEqual(50)
    expect(flapState(recentFlaps, false, thresholds).flapping).toBe(true)
  })

  it('keeps its previous state between the thresholds (hysteresis)', () => {
    const sixChanges = [...steady(false, 15), true, false, true, false, true, false]
    const { percentChange } = flapState(sixChanges, false, thresholds)
    expect(percentChange).toBeGreaterThan(25)
    expect(percentChange).toBeLessThan(50)
    expect(flapState(sixChanges, false, thresholds).flapping).toBe(false)
    expect(flapState(sixChanges, true, thresholds).flapping).toBe(true)
  })

  it('stops flapping at or below the low threshold', () => {
    expect(flapState([...steady(false, 19), true, false], true, thresholds)).toMatchObject({ flapping: false })
  })
})

describe('normalizeFlapThresholds', () => {
  it('fills the defaults and rejects low ≥ high', () => {
    expect(normalizeFlapThresholds({})).toEqual({ low: 25, high: 50 })
    expect(() => normalizeFlapThresholds({ low: 50, high: 40 })).toThrow(AppError)
    expect(() => normalizeFlapThresholds({ high: 101 })).toThrow(/high/)
  })
})
