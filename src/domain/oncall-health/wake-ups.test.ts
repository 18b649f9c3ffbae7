import { describe, expect, it } from 'vitest'
import { classifyPages } from './classify.js'
import { derivePages } from './pages.js'
import { at, pagesAt, person, sent, wakeUpsAt } from './test-fixtures.js'
import { disturbedNights, groupWakeUps } from './wake-ups.js'

const ana = person('ana', 'Europe/Berlin')

describe('wake-ups: sleep-hours pages close together wake a person once', () => {
  it('groups pages within 30 minutes of the first page of the group', () => {
    const w = wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:10:00+01:00', '2026-03-10T02:29:00+01:00'])
    expect(w).toHaveLength(1)
    expect(w[0]).toMatchObject({ start: at('2026-03-10T02:00:00+01:00'), end: at('2026-03-10T02:29:00+01:00'), alertIds: ['a1', 'a2', 'a3'], night: '2026-03-09' })
  })

  it('includes a page exactly 30 minutes after the first, and starts a new wake-up after that', () => {
    expect(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:30:00+01:00'])).toHaveLength(1)
    expect(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:30:01+01:00'])).toHaveLength(2)
  })

  it('measures the span from the first page, so pages every 20 minutes do not chain into one', () => {
    const w = wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:20:00+01:00', '2026-03-10T02:40:00+01:00'])
    expect(w.map((x) => x.alertIds)).toEqual([['a1', 'a2'], ['a3']])
  })

  it('2am, 4am, 6am is three wake-ups in one night, keyed by the evening it began', () => {
    const w = wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00', '2026-03-10T06:00:00+01:00'])
    expect(w.map((x) => x.night)).toEqual(['2026-03-09', '2026-03-09', '2026-03-09'])
    expect(disturbedNights(w)).toEqual([{ userId: 'ana', night: '2026-03-09', wakeUps: 3 }])
  })

  it('a 23:00 page and a 02:00 page belong to the same night', () => {
    const w = wakeUpsAt(ana, ['2026-03-09T23:00:00+01:00', '2026-03-10T02:00:00+01:00'])
    expect(disturbedNights(w)).toEqual([{ userId: 'ana', night: '2026-03-09', wakeUps: 2 }])
  })

  it('ignores pages outside sleep hours', () => {
    expect(wakeUpsAt(ana, ['2026-03-10T10:00:00+01:00', '2026-03-10T19:00:00+01:00'])).toEqual([])
  })

  it('never groups two people’s pages', () => {
    const ben = person('ben', 'Europe/Berlin')
    const pages = classifyPages(
      derivePages([sent('a1', 'ana', '2026-03-10T02:00:00+01:00'), sent('a1', 'ben', '2026-03-10T02:01:00+01:00')]),
      [ana, ben],
    )
    expect(groupWakeUps(pages).map((w) => w.userId)).toEqual(['ana', 'ben'])
  })

  it('a span of 0 separates every page not sent at the same instant', () => {
    expect(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:00:01+01:00'], 0)).toHaveLength(2)
    expect(() => groupWakeUps([], -1)).toThrow(RangeError)
  })
})

describe('across a DST change the night is still one night, and sleep hours are local', () => {
  it('Europe/Berlin 2026-03-28/29 (clocks skip 02:00–03:00): one night of 9 hours', () => {
    const times = ['2026-03-28T23:30:00+01:00', '2026-03-29T01:15:00+01:00', '2026-03-29T03:15:00+02:00', '2026-03-29T07:30:00+02:00']
    const w = wakeUpsAt(ana, times)
    expect(w).toHaveLength(4)
    expect(new Set(w.map((x) => x.night))).toEqual(new Set(['2026-03-28']))
    expect(disturbedNights(w)).toEqual([{ userId: 'ana', night: '2026-03-28', wakeUps: 4 }])
    expect(w[0]?.sleepPeriod).toEqual({ start: at('2026-03-28T22:00:00+01:00'), end: at('2026-03-29T08:00:00+02:00'), night: '2026-03-28' })
    // 08:00 local after the change is 06:00Z, not 07:00Z: sleep hours end by the local clock.
    expect(pagesAt(ana, ['2026-03-29T06:30:00Z'])[0]?.bucket).toBe('off')
    expect(pagesAt(ana, ['2026-03-29T05:59:00Z'])[0]?.bucket).toBe('sleep')
  })

  it('America/New_York 2026-11-01 (01:00–02:00 happens twice): one night of 11 hours, the repeated 01:30s an hour apart', () => {
    const ny = person('nat', 'America/New_York')
    const w = wakeUpsAt(ny, ['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00'])
    expect(w.map((x) => x.night)).toEqual(['2026-10-31', '2026-10-31'])
    expect(w).toHaveLength(2)
    expect(disturbedNights(w)).toHaveLength(1)
    const period = w[0]?.sleepPeriod
    expect(period === undefined ? 0 : (period.end - period.start) / 3_600_000).toBe(11)
    expect(pagesAt(ny, ['2026-11-01T07:59:00-05:00'])[0]?.bucket).toBe('sleep')
    expect(pagesAt(ny, ['2026-11-01T08:00:00-05:00'])[0]?.bucket).toBe('off')
  })

  it('the same 30-minute span holds across the skipped hour: 01:50 and 03:10 CEST are 20 minutes apart', () => {
    expect(wakeUpsAt(ana, ['2026-03-29T01:50:00+01:00', '2026-03-29T03:10:00+02:00'])).toHaveLength(1)
  })

  it('sleep hours that do not cross midnight key the night by that same date', () => {
    const lateSleeper = person('lia', 'Europe/Berlin', { sleep: ['01:00', '09:00'] })
    const w = wakeUpsAt(lateSleeper, ['2026-03-10T00:30:00+01:00', '2026-03-10T01:30:00+01:00', '2026-03-10T08:45:00+01:00'])
    expect(w.map((x) => x.night)).toEqual(['2026-03-10', '2026-03-10'])
  })
})
