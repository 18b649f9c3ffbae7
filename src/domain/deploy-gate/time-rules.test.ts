import { describe, expect, it } from 'vitest'
import { DAY_MS, localDate, localTime, localToInstant, type Instant } from '../../lib/time/index.js'
import { intersectIntervals, mergeIntervals, subtractIntervals } from './intervals.js'
import type { Freeze } from './model.js'
import { DEFAULT_DEPLOY_POLICY } from './policy.js'
import { nextAllowedTime, type TimeRuleInput } from './time-rules.js'

const ZONE = 'Asia/Kolkata'
const kolkata = (date: string, time: string): Instant => localToInstant(ZONE, localDate(date), localTime(time))
const base = (at: Instant, freezes: Freeze[] = []): TimeRuleInput => ({ at, serviceId: 's', teamId: 't', policy: DEFAULT_DEPLOY_POLICY(ZONE), freezes, change: null })
const freeze = (start: Instant, end: Instant): Freeze => ({ id: 'f', name: 'f', start, end, scope: { kind: 'all' }, reason: '' })

describe('nextAllowedTime', () => {
  it('returns `at` when the time rules allow now', () => {
    const at = kolkata('2026-11-17', '10:00')
    expect(nextAllowedTime(base(at))).toBe(at)
  })

  it('skips past a freeze that ends mid-window', () => {
    const at = kolkata('2026-11-17', '10:00')
    expect(nextAllowedTime(base(at, [freeze(at - DAY_MS, kolkata('2026-11-19', '11:15'))]))).toBe(kolkata('2026-11-19', '11:15'))
  })

  it('skips a freeze that ends after the last deployable minute of the day to the next morning', () => {
    const at = kolkata('2026-11-17', '10:00')
    expect(nextAllowedTime(base(at, [freeze(at, kolkata('2026-11-19', '14:30'))]))).toBe(kolkata('2026-11-20', '09:00'))
  })

  it('returns null when nothing allows within the horizon', () => {
    const at = kolkata('2026-11-17', '10:00')
    expect(nextAllowedTime(base(at, [freeze(at, at + 90 * DAY_MS)]))).toBeNull()
    expect(nextAllowedTime(base(at, [freeze(at, at + 90 * DAY_MS)]), 120)).toBe(kolkata('2027-02-15', '10:00'))
  })

  it('answers `at` for a rollback', () => {
    const at = kolkata('2026-11-21', '23:00')
    expect(nextAllowedTime({ ...base(at, [freeze(at, at + 90 * DAY_MS)]), kind: 'rollback' })).toBe(at)
  })
})

describe('intervals', () => {
  const i = (start: number, end: number) => ({ start, end })
  it('merges touching and overlapping intervals and drops empty ones', () => {
    expect(mergeIntervals([i(5, 7), i(0, 2), i(2, 3), i(6, 9), i(4, 4)])).toEqual([i(0, 3), i(5, 9)])
  })
  it('intersects', () => {
    expect(intersectIntervals([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(5, 10), i(20, 25)])
  })
  it('subtracts', () => {
    expect(subtractIntervals(i(0, 10), [i(2, 3), i(5, 12), i(-5, 1)])).toEqual([i(1, 2), i(3, 5)])
  })
})
