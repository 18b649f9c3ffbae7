import { describe, expect, it } from 'vitest'
import { localTime, parseInstant, type Instant } from '../../lib/time/index.js'
import { isSleepTime, isWorkingTime, nextWorkingStart } from './hours.js'

const at = (s: string): Instant => {
  const i = parseInstant(s)
  if (i === null) throw new Error(s)
  return i
}
const person = (timeZone: string) => ({
  timeZone,
  workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: localTime('09:00'), end: localTime('17:00') },
  sleepHours: { start: localTime('22:00'), end: localTime('08:00') },
})

describe('working and sleep hours in the person’s zone', () => {
  it('holds a 02:00 Tuesday message in Berlin until 09:00 the same morning', () => {
    expect(nextWorkingStart(person('Europe/Berlin'), at('2026-11-24T02:00:00+01:00'))).toBe(at('2026-11-24T09:00:00+01:00'))
  })

  it('delivers at once inside working hours', () => {
    const t = at('2026-11-24T10:30:00+01:00')
    expect(isWorkingTime(person('Europe/Berlin'), t)).toBe(true)
    expect(nextWorkingStart(person('Europe/Berlin'), t)).toBe(t)
  })

  it('skips the weekend: Friday 18:00 waits until Monday 09:00', () => {
    expect(nextWorkingStart(person('America/New_York'), at('2026-11-27T18:00:00-05:00'))).toBe(at('2026-11-30T09:00:00-05:00'))
  })

  it('uses local time across the New York spring-forward night', () => {
    // Sunday 2024-03-10 02:30 does not exist; Monday 09:00 is EDT (-04:00).
    expect(nextWorkingStart(person('America/New_York'), at('2024-03-10T07:30:00Z'))).toBe(at('2024-03-11T09:00:00-04:00'))
  })

  it('handles half-hour zones: 09:00 in Kolkata is 03:30Z', () => {
    expect(nextWorkingStart(person('Asia/Kolkata'), at('2026-11-24T00:00:00Z'))).toBe(at('2026-11-24T03:30:00Z'))
  })

  it('classifies sleep hours across midnight, in local time', () => {
    const la = person('America/Los_Angeles')
    expect(isSleepTime(la, at('2026-11-24T10:00:00Z'))).toBe(true) // 02:00 in Los Angeles
    expect(isSleepTime(person('Europe/London'), at('2026-11-24T10:00:00Z'))).toBe(false) // 10:00 in London
    expect(isSleepTime(la, at('2026-11-24T06:30:00Z'))).toBe(true) // 22:30 the evening before
    expect(isSleepTime(la, at('2026-11-24T16:00:00Z'))).toBe(false) // 08:00 exactly: awake
  })
})
