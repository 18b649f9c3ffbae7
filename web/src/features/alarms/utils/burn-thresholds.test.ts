import { describe, expect, it } from 'vitest'
import { burnThresholds } from './burn-thresholds'

describe('burn thresholds', () => {
  it('are the workbook’s for 30 days and scale with the period', () => {
    expect(burnThresholds(30)).toEqual({ fast: 14.4, medium: 6, slow: 1 })
    expect(burnThresholds(7)).toEqual({ fast: 3.36, medium: 1.4, slow: 0.233 })
  })
})
