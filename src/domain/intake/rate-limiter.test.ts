import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../lib/time/index.js'
import { RateLimiter } from './rate-limiter.js'

describe('RateLimiter', () => {
  it('allows a burst of a minute’s worth, then asks to wait', () => {
    const clock = new ManualClock(0)
    const limiter = new RateLimiter(clock)
    for (let i = 0; i < 120; i++) expect(limiter.take('k', 120)).toBe(0)
    expect(limiter.take('k', 120)).toBe(1)
  })

  it('refills evenly over the minute and keeps keys apart', () => {
    const clock = new ManualClock(0)
    const limiter = new RateLimiter(clock)
    for (let i = 0; i < 60; i++) limiter.take('a', 60)
    expect(limiter.take('a', 60)).toBeGreaterThan(0)
    expect(limiter.take('b', 60)).toBe(0)
    clock.advance(10_000)
    for (let i = 0; i < 10; i++) expect(limiter.take('a', 60)).toBe(0)
    expect(limiter.take('a', 60)).toBeGreaterThan(0)
  })

  it('takes several tokens at once for a batch', () => {
    const limiter = new RateLimiter(new ManualClock(0))
    expect(limiter.take('k', 10, 8)).toBe(0)
    expect(limiter.take('k', 10, 5)).toBe(18)
  })
})
