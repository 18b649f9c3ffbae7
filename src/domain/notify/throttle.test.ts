import { describe, expect, it } from 'vitest'
import { throttledUntil } from './throttle.js'

describe('throttledUntil', () => {
  it('spaces voice calls two minutes apart', () => {
    expect(throttledUntil('voice', 1_000_000, 1_030_000)).toBe(1_120_000)
    expect(throttledUntil('voice', 1_000_000, 1_200_000)).toBe(1_200_000)
  })

  it('does not hold the first message, nor unthrottled channels', () => {
    expect(throttledUntil('sms', null, 5)).toBe(5)
    expect(throttledUntil('email', 4, 5)).toBe(5)
    expect(throttledUntil('webhook', 4, 5)).toBe(5)
  })
})
