import { describe, expect, it } from 'vitest'
import { classifyInstant, classifyPage, classifyPages } from './classify.js'
import { at, pagesAt, person, wakeUpsAt } from './test-fixtures.js'

describe('classifying pages in the person’s own zone and hours', () => {
  it('a page at 10:00 UTC is a sleep-hours wake-up in America/Los_Angeles (02:00) and working hours in Europe/London', () => {
    const tuesday10utc = '2026-01-13T10:00:00Z'
    const la = person('lee', 'America/Los_Angeles')
    const london = person('lou', 'Europe/London')
    expect(pagesAt(la, [tuesday10utc])[0]?.bucket).toBe('sleep')
    expect(pagesAt(london, [tuesday10utc])[0]?.bucket).toBe('working')
    expect(wakeUpsAt(la, [tuesday10utc])).toHaveLength(1)
    expect(wakeUpsAt(london, [tuesday10utc])).toHaveLength(0)
  })

  it.each([
    ['2026-03-10T23:30:00+01:00', 'sleep', 'Tuesday 23:30'],
    ['2026-03-10T07:59:00+01:00', 'sleep', 'Tuesday 07:59, still sleep hours'],
    ['2026-03-10T08:00:00+01:00', 'off', 'Tuesday 08:00: awake, not yet working (PagerDuty would say business hours)'],
    ['2026-03-10T09:00:00+01:00', 'working', 'Tuesday 09:00'],
    ['2026-03-10T16:59:00+01:00', 'working', 'Tuesday 16:59'],
    ['2026-03-10T17:00:00+01:00', 'off', 'Tuesday 17:00'],
    ['2026-03-10T21:59:00+01:00', 'off', 'Tuesday 21:59'],
    ['2026-03-14T11:00:00+01:00', 'off', 'Saturday 11:00'],
    ['2026-03-14T23:00:00+01:00', 'sleep', 'Saturday 23:00: sleep beats off hours on weekends too'],
  ])('%s in Europe/Berlin is %s (%s)', (when, bucket) => {
    expect(classifyInstant(person('ana', 'Europe/Berlin'), at(when))).toBe(bucket)
  })

  it('sleep takes precedence when a person’s working hours overlap their sleep hours', () => {
    const nightWorker = person('nia', 'Europe/Berlin', { work: ['20:00', '04:00'] })
    expect(classifyInstant(nightWorker, at('2026-03-10T21:00:00+01:00'))).toBe('working')
    expect(classifyInstant(nightWorker, at('2026-03-10T23:00:00+01:00'))).toBe('sleep')
  })

  it('records the interrupted sleep period only for sleep-hours pages', () => {
    const ana = person('ana', 'Europe/Berlin')
    const night = classifyPage(ana, { alertId: 'a', userId: 'ana', at: at('2026-03-10T02:00:00+01:00') })
    expect(night.sleepPeriod).toEqual({ start: at('2026-03-09T22:00:00+01:00'), end: at('2026-03-10T08:00:00+01:00'), night: '2026-03-09' })
    expect(night.timeZone).toBe('Europe/Berlin')
    const day = classifyPage(ana, { alertId: 'a', userId: 'ana', at: at('2026-03-10T10:00:00+01:00') })
    expect(day.sleepPeriod).toBeNull()
  })

  it('refuses a page whose person is unknown rather than dropping it', () => {
    expect(() => classifyPages([{ alertId: 'a', userId: 'ghost', at: 0 }], [person('ana', 'Europe/Berlin')])).toThrow(/ghost/)
    expect(() => classifyPage(person('ana', 'Europe/Berlin'), { alertId: 'a', userId: 'ben', at: 0 })).toThrow(RangeError)
  })
})
