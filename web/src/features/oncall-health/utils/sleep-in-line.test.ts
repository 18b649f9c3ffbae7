import { describe, expect, it } from 'vitest'
import type { HealthWakeUp, SleepInNotice } from '../../../types/api'
import { sleepInLine } from './sleep-in-line'

const notice = (over: Partial<SleepInNotice> = {}): SleepInNotice => ({
  id: 'n1',
  user: { id: 'ana', name: 'Ana', timeZone: 'Europe/Berlin' },
  teamId: 't1',
  night: '2026-11-23',
  wokenAt: '2026-11-24T01:13:00.000Z',
  expectedStartAt: '2026-11-24T11:00:00.000Z',
  message: 'Ana was woken at 02:13 Europe/Berlin and starts at 12:00 Europe/Berlin on Tue 2026-11-24 instead of 09:00.',
  createdAt: '2026-11-24T01:14:00.000Z',
  ...over,
})
const wake = (start: string, over: Partial<HealthWakeUp> = {}): HealthWakeUp => ({ userId: 'ana', timeZone: 'Europe/Berlin', night: '2026-11-23', start, end: start, alertIds: [], ...over })

describe('sleepInLine', () => {
  it('names the wake-up and the late start in the person’s zone, today', () => {
    expect(sleepInLine(notice(), [], Date.parse('2026-11-24T08:00:00Z'))).toBe('Ana was woken at 02:13 (Europe/Berlin) — starts at 12:00 today')
  })

  it('lists every wake-up of that night from the report, and only that person’s', () => {
    const wakeUps = [wake('2026-11-24T01:13:00.000Z'), wake('2026-11-24T03:00:00.000Z'), wake('2026-11-24T02:00:00.000Z', { userId: 'ben' }), wake('2026-11-23T01:00:00.000Z', { night: '2026-11-22' })]
    expect(sleepInLine(notice(), wakeUps, Date.parse('2026-11-24T08:00:00Z'))).toBe('Ana was woken at 02:13 and 04:00 (Europe/Berlin) — starts at 12:00 today')
  })

  it('says tomorrow, or the day, when seen before it', () => {
    expect(sleepInLine(notice(), [], Date.parse('2026-11-23T22:00:00Z'))).toBe('Ana was woken at 02:13 (Europe/Berlin) — starts at 12:00 tomorrow')
    expect(sleepInLine(notice(), [], Date.parse('2026-11-22T12:00:00Z'))).toBe('Ana was woken at 02:13 (Europe/Berlin) — starts at 12:00 on Tue 24 Nov')
  })

  it('uses the person’s zone, not the team’s', () => {
    const ny = notice({ user: { id: 'maya', name: 'Maya', timeZone: 'America/New_York' }, wokenAt: '2026-11-24T08:30:00.000Z', expectedStartAt: '2026-11-24T17:00:00.000Z' })
    expect(sleepInLine(ny, [], Date.parse('2026-11-24T12:00:00Z'))).toBe('Maya was woken at 03:30 (America/New_York) — starts at 12:00 today')
  })

  it('says when the person takes the day off', () => {
    const off = notice({ message: 'Ana was woken at 05:00 Europe/Berlin and takes Tue 2026-11-24 off.', wokenAt: '2026-11-24T04:00:00.000Z', expectedStartAt: '2026-11-24T16:00:00.000Z' })
    expect(sleepInLine(off, [], Date.parse('2026-11-24T08:00:00Z'))).toBe('Ana was woken at 05:00 (Europe/Berlin) — takes today off')
  })
})
