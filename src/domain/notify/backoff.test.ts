import { describe, expect, it } from 'vitest'
import { retryDelayMs } from './backoff.js'

describe('retryDelayMs', () => {
  it('grows by three each attempt from 5 seconds', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 0.5))).toEqual([5_000, 15_000, 45_000, 135_000])
  })

  it('caps at ten minutes', () => {
    expect(retryDelayMs(10, 0.5)).toBe(600_000)
  })

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(1, 0)).toBe(4_000)
    expect(retryDelayMs(1, 0.999999)).toBe(6_000)
  })
})
