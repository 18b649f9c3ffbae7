import { describe, expect, it } from 'vitest'
import { ManualClock, systemClock } from './clock.js'

describe('ManualClock', () => {
  it('moves only when told to', () => {
    const clock = new ManualClock(1_000)
    expect(clock.now()).toBe(1_000)
    clock.advance(500)
    expect(clock.now()).toBe(1_500)
    clock.set(200)
    expect(clock.now()).toBe(200)
  })

  it('refuses to advance backwards or by a non-number', () => {
    const clock = new ManualClock(0)
    expect(() => clock.advance(-1)).toThrow(RangeError)
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError)
    expect(() => new ManualClock(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('systemClock', () => {
  it('reads a plausible current instant', () => {
    expect(systemClock.now()).toBeGreaterThan(Date.UTC(2024, 0, 1))
  })
})
