import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS } from '../../lib/time/index.js'
import { DEFAULT_RELIEF_RULE, reliefNeeded, reliefRange, type ReliefRule } from './relief.js'
import { at, person, wakeUpsAt } from './test-fixtures.js'

const ana = person('ana', 'Europe/Berlin')

describe('reliefNeeded: too many wake-ups call for relief', () => {
  it('one wake-up in a night is not enough, and says where the limits stand', () => {
    const w = wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00'])
    expect(reliefNeeded(w, at('2026-03-10T02:05:00+01:00'))).toEqual({
      needed: false,
      because: '1 wake-up in the night of 2026-03-09 (02:00 Europe/Berlin), limit 2; 1 wake-up in the last 7 days (2026-03-10 02:00 Europe/Berlin), limit 4',
    })
  })

  it('the second wake-up of a night reaches the default limit of 2 per night', () => {
    const w = wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00'])
    expect(reliefNeeded(w, at('2026-03-10T04:01:00+01:00'))).toEqual({
      needed: true,
      because: '2 wake-ups in the night of 2026-03-09 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night',
    })
  })

  it('4 wake-ups on 4 nights within 7 days reach the weekly limit', () => {
    const nights = ['2026-03-09T03:00:00+01:00', '2026-03-11T03:00:00+01:00', '2026-03-13T03:00:00+01:00', '2026-03-15T03:00:00+01:00']
    const r = reliefNeeded(wakeUpsAt(ana, nights), at('2026-03-15T03:05:00+01:00'))
    expect(r.needed).toBe(true)
    expect(r.because).toBe(
      '4 wake-ups in the last 7 days (2026-03-09 03:00, 2026-03-11 03:00, 2026-03-13 03:00, 2026-03-15 03:00 Europe/Berlin) reached the limit of 4 per week',
    )
  })

  it('ignores wake-ups older than 7 days and wake-ups after now', () => {
    const w = wakeUpsAt(ana, ['2026-03-01T03:00:00+01:00', '2026-03-01T05:00:00+01:00', '2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00'])
    expect(reliefNeeded(w, at('2026-03-09T12:00:00+01:00')).needed).toBe(false)
    expect(reliefNeeded(w, at('2026-03-10T03:00:00+01:00')).needed).toBe(false)
    expect(reliefNeeded([], at('2026-03-10T03:00:00+01:00'))).toEqual({ needed: false, because: 'no wake-ups in the last 7 days' })
  })

  it('follows a team’s own limits', () => {
    const strict: ReliefRule = { ...DEFAULT_RELIEF_RULE, wakeUpsPerNight: 1 }
    expect(reliefNeeded(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00']), at('2026-03-10T02:05:00+01:00'), strict).needed).toBe(true)
  })

  it('is decided per person', () => {
    const w = [...wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00']), ...wakeUpsAt(person('ben', 'Europe/Berlin'), ['2026-03-10T04:00:00+01:00'])]
    expect(() => reliefNeeded(w, at('2026-03-10T05:00:00+01:00'))).toThrow(/per person/)
  })
})

describe('reliefRange: how long relief lasts', () => {
  const now = at('2026-03-10T04:01:00+01:00')
  const shiftEnd = at('2026-03-16T09:00:00+01:00')

  it('by default lasts 48 hours from now', () => {
    expect(reliefRange(now, shiftEnd)).toEqual({ start: now, end: now + 48 * HOUR_MS })
  })

  it('counts elapsed hours across a DST change (rest is hours slept, not wall-clock)', () => {
    const beforeChange = at('2026-03-28T04:00:00+01:00')
    expect(reliefRange(beforeChange, beforeChange + 7 * DAY_MS).end).toBe(at('2026-03-30T05:00:00+02:00'))
  })

  it("'end-of-shift' lasts until the shift ends, and refuses a shift that has ended", () => {
    const rule: ReliefRule = { ...DEFAULT_RELIEF_RULE, recovery: { mode: 'end-of-shift' } }
    expect(reliefRange(now, shiftEnd, rule)).toEqual({ start: now, end: shiftEnd })
    expect(() => reliefRange(now, now, rule)).toThrow(RangeError)
  })
})
