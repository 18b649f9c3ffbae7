import { describe, expect, it } from 'vitest'
import { clipRange, coveredMs, longestStretchMs, mergeRanges, overlapMs } from './ranges.js'

const r = (start: number, end: number) => ({ start, end })

describe('time range arithmetic', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(mergeRanges([r(5, 8), r(0, 2), r(2, 3), r(7, 10), r(4, 4)])).toEqual([r(0, 3), r(5, 10)])
  })

  it('counts overlapping coverage once', () => {
    expect(coveredMs([r(0, 10), r(5, 15)])).toBe(15)
  })

  it('clips to a window, or returns null without overlap', () => {
    expect(clipRange(r(0, 10), r(5, 20))).toEqual(r(5, 10))
    expect(clipRange(r(0, 5), r(5, 20))).toBeNull()
  })

  it('measures the overlap of a range with a set of ranges', () => {
    expect(overlapMs(r(0, 10), [r(-5, 2), r(1, 3), r(8, 20)])).toBe(5)
  })

  it('joins adjacent ranges into one stretch', () => {
    expect(longestStretchMs([r(0, 5), r(5, 9), r(20, 25)])).toBe(9)
    expect(longestStretchMs([])).toBe(0)
  })
})
