import { describe, expect, it } from 'vitest'
import { formatAgeHours, formatWait } from './follow-up-age'

describe('follow-up ages', () => {
  it('says how long the oldest follow-up waited', () => {
    expect(formatWait(5.4)).toBe('5 h')
    expect(formatWait(30)).toBe('1 day')
    expect(formatWait(24 * 9 + 3)).toBe('9 days')
  })

  it('shows an age to the minute', () => {
    expect(formatAgeHours(7.2)).toBe('7 h 12 min')
    expect(formatAgeHours(0)).toBe('0 min')
  })
})
