import { describe, expect, it } from 'vitest'
import { localDate, MINUTE_MS } from '../../lib/time/index.js'
import { isSleepTime, isWorkingTime } from '../users/index.js'
import { dailyWindowOn, inWorkingHours, sleepPeriodAt, workingWindowOn, workingWindowsOverlapping } from './hours-windows.js'
import { at, person } from './test-fixtures.js'

describe('local hours as windows of instants', () => {
  // The two implementations must agree, or a page could be "sleep" here and not in the engine.
  it.each([
    ['Europe/Berlin', '2026-03-27T00:00:00Z', {}],
    ['America/New_York', '2026-10-30T00:00:00Z', {}],
    ['Australia/Lord_Howe', '2026-04-03T00:00:00Z', {}],
    ['Asia/Kolkata', '2026-03-09T00:00:00Z', {}],
    ['Europe/Berlin', '2026-03-27T00:00:00Z', { sleep: ['01:00', '09:00'], work: ['20:00', '04:00'] }],
    ['America/New_York', '2026-10-30T00:00:00Z', { sleep: ['02:30', '01:30'], days: ['sun', 'sat'] }],
  ] as const)('agrees with users.isSleepTime / isWorkingTime every 10 minutes for 4 days in %s from %s (%o)', (zone, from, hours) => {
    const p = person('p', zone, hours)
    for (let t = at(from); t < at(from) + 4 * 24 * 60 * MINUTE_MS; t += 10 * MINUTE_MS) {
      expect(sleepPeriodAt(p, t) !== null, `sleep at ${new Date(t).toISOString()}`).toBe(isSleepTime(p, t))
      expect(inWorkingHours(p, t), `working at ${new Date(t).toISOString()}`).toBe(isWorkingTime(p, t))
    }
  })

  it('a sleep period across a spring-forward night is one period of 9 real hours', () => {
    const w = dailyWindowOn('Europe/Berlin', localDate('2026-03-28'), person('p', 'Europe/Berlin').sleepHours)
    expect(w).toEqual({ start: at('2026-03-28T22:00:00+01:00'), end: at('2026-03-29T08:00:00+02:00') })
    expect((w.end - w.start) / 3_600_000).toBe(9)
  })

  it('a sleep period across a fall-back night is one period of 11 real hours', () => {
    const w = dailyWindowOn('America/New_York', localDate('2026-10-31'), person('p', 'America/New_York').sleepHours)
    expect((w.end - w.start) / 3_600_000).toBe(11)
  })

  it('sleep hours that do not cross midnight are keyed by the same date', () => {
    const lateSleeper = person('p', 'Europe/Berlin', { sleep: ['01:00', '09:00'] })
    expect(sleepPeriodAt(lateSleeper, at('2026-03-10T08:30:00+01:00'))?.night).toBe('2026-03-10')
    expect(sleepPeriodAt(lateSleeper, at('2026-03-10T00:30:00+01:00'))).toBeNull()
  })

  it('finds working windows overlapping a range, including one that began the day before', () => {
    const nightWorker = person('p', 'Europe/Berlin', { work: ['20:00', '04:00'] })
    const ws = workingWindowsOverlapping(nightWorker, { start: at('2026-03-10T02:00:00+01:00'), end: at('2026-03-10T21:00:00+01:00') })
    expect(ws).toEqual([
      { start: at('2026-03-09T20:00:00+01:00'), end: at('2026-03-10T04:00:00+01:00') },
      { start: at('2026-03-10T20:00:00+01:00'), end: at('2026-03-11T04:00:00+01:00') },
    ])
    expect(workingWindowOn(nightWorker, localDate('2026-03-14'))).toBeNull()
  })
})
