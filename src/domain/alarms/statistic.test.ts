import { describe, expect, it } from 'vitest'
import { percentile, statistic } from './statistic.js'

const oneToTen = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5]

describe('statistic', () => {
  it.each([
    ['avg', 5.5],
    ['min', 1],
    ['max', 10],
    ['sum', 55],
    ['count', 10],
    ['p50', 5],
    ['p90', 9],
    ['p99', 10],
  ] as const)('%s of 1..10 is %d', (stat, expected) => {
    expect(statistic(oneToTen, stat)).toBe(expected)
  })

  it('is null for an empty period, even for count', () => {
    expect(statistic([], 'count')).toBeNull()
    expect(statistic([], 'p99')).toBeNull()
  })

  it('ignores non-finite values', () => {
    expect(statistic([1, Number.NaN, 3, Number.POSITIVE_INFINITY], 'avg')).toBe(2)
  })
})

describe('percentile (nearest rank)', () => {
  it('returns an observed value at rank ⌈p/100 × n⌉', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 99.9)).toBe(100)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([42], 1)).toBe(42)
  })

  it('does not sort its input in place', () => {
    const values = [3, 1, 2]
    percentile(values, 50)
    expect(values).toEqual([3, 1, 2])
  })
})
