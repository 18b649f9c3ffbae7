import { describe, expect, it } from 'vitest'
import { heatLevel, hourLabel, isSleepHour, pagesText } from './heatmap-scale'

describe('heatmap scale', () => {
  it('marks 22:00–08:00 as sleep hours, wrapping midnight', () => {
    const sleep = Array.from({ length: 24 }, (_, h) => h).filter((h) => isSleepHour(h))
    expect(sleep).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 22, 23])
    expect(isSleepHour(1, { start: 0, end: 6 })).toBe(true)
    expect(isSleepHour(6, { start: 0, end: 6 })).toBe(false)
  })

  it('shades by share of the busiest cell, never hiding a single page', () => {
    expect(heatLevel(0, 10)).toBe(0)
    expect(heatLevel(1, 40)).toBe(1)
    expect(heatLevel(5, 10)).toBe(2)
    expect(heatLevel(10, 10)).toBe(4)
    expect(heatLevel(1, 0)).toBe(0)
  })

  it('labels hours and counts', () => {
    expect(hourLabel(2)).toBe('02:00')
    expect(pagesText(1)).toBe('1 page')
    expect(pagesText(2)).toBe('2 pages')
  })
})
