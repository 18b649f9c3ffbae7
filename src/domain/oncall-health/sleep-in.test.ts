import { describe, expect, it } from 'vitest'
import { sleepInNoticeForPerson, sleepInNoticeForTeam } from './sleep-in-notice.js'
import { computeSleepIn, type SleepIn } from './sleep-in.js'
import { at, person, wakeUpsAt } from './test-fixtures.js'

const ana = person('ana', 'Europe/Berlin')

function sleepIn(input: Parameters<typeof computeSleepIn>[0]): SleepIn {
  const s = computeSleepIn(input)
  if (s === null) throw new Error('expected a sleep-in')
  return s
}

describe('sleep-in after a sleep-hours wake-up', () => {
  it('by default the next working day starts 3 hours later, and the person is told in their zone', () => {
    const s = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, ['2026-03-10T02:13:00+01:00']) })
    expect(s.normalStart).toBe(at('2026-03-10T09:00:00+01:00'))
    expect(s.lateStart).toBe(at('2026-03-10T12:00:00+01:00'))
    expect(sleepInNoticeForPerson(s)).toBe('You were woken at 02:13 (Europe/Berlin) — start at 12:00 tomorrow; your team has been told.')
  })

  it('tells teammates in the person’s zone and in their own', () => {
    const s = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, ['2026-03-10T02:13:00+01:00']) })
    expect(sleepInNoticeForTeam(s, 'Ana', 'America/New_York')).toBe(
      'Ana was woken at 02:13 Europe/Berlin (Mon 21:13 America/New_York) and starts at 12:00 Europe/Berlin on Tue 2026-03-10 (07:00 America/New_York) instead of 09:00.',
    )
    expect(sleepInNoticeForTeam(s, 'Ana', 'Europe/Berlin')).toBe(
      'Ana was woken at 02:13 Europe/Berlin and starts at 12:00 Europe/Berlin on Tue 2026-03-10 instead of 09:00.',
    )
  })

  it("'after-wake-up' starts N hours after the wake-up, never earlier than the normal start", () => {
    const policy = { mode: 'after-wake-up', hours: 8 } as const
    expect(sleepIn({ person: ana, policy, wakeUps: wakeUpsAt(ana, ['2026-03-10T02:13:00+01:00']) }).lateStart).toBe(at('2026-03-10T10:13:00+01:00'))
    expect(sleepIn({ person: ana, policy, wakeUps: wakeUpsAt(ana, ['2026-03-09T23:10:00+01:00']) }).lateStart).toBe(at('2026-03-10T09:00:00+01:00'))
  })

  it("'after-wake-up' counts from the end of the work the page caused, when that is later", () => {
    const s = sleepIn({
      person: ana,
      policy: { mode: 'after-wake-up', hours: 8 },
      wakeUps: wakeUpsAt(ana, ['2026-03-10T02:13:00+01:00']),
      workedUntil: at('2026-03-10T03:30:00+01:00'),
    })
    expect(s.lateStart).toBe(at('2026-03-10T11:30:00+01:00'))
  })

  it('later wake-ups in the night never move the start earlier, and the notice lists them all', () => {
    const times = ['2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00']
    const first = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, times.slice(0, 1)) })
    const second = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, times) })
    expect(second.lateStart).toBe(first.lateStart)
    expect(sleepInNoticeForPerson(second)).toBe('You were woken at 02:00 and 04:00 (Europe/Berlin) — start at 12:00 tomorrow; your team has been told.')
    const policy = { mode: 'after-wake-up', hours: 6 } as const
    const a = sleepIn({ person: ana, policy, wakeUps: wakeUpsAt(ana, times.slice(0, 1)) })
    const b = sleepIn({ person: ana, policy, wakeUps: wakeUpsAt(ana, times) })
    expect(a.lateStart).toBe(at('2026-03-10T09:00:00+01:00'))
    expect(b.lateStart).toBe(at('2026-03-10T10:00:00+01:00'))
  })

  it('uses only the latest night among the wake-ups given', () => {
    const s = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, ['2026-03-09T03:00:00+01:00', '2026-03-10T02:00:00+01:00']) })
    expect(s.night).toBe('2026-03-09')
    expect(s.wokenAt).toEqual([at('2026-03-10T02:00:00+01:00')])
  })

  it('gives the day off when the late start reaches the end of the working day', () => {
    const s = sleepIn({ person: ana, policy: { mode: 'after-wake-up', hours: 12 }, wakeUps: wakeUpsAt(ana, ['2026-03-10T06:00:00+01:00']) })
    expect(s.dayOff).toBe(true)
    expect(s.lateStart).toBe(at('2026-03-10T17:00:00+01:00'))
    expect(sleepInNoticeForPerson(s)).toBe('You were woken at 06:00 (Europe/Berlin) — take tomorrow off; your team has been told.')
    expect(sleepInNoticeForTeam(s, 'Ana', 'Europe/Berlin')).toBe('Ana was woken at 06:00 Europe/Berlin and takes Tue 2026-03-10 off.')
  })

  it('no late start when the morning after is not a working day; Sunday night moves Monday', () => {
    expect(computeSleepIn({ person: ana, wakeUps: wakeUpsAt(ana, ['2026-03-14T02:00:00+01:00']) })).toBeNull()
    const sunday = sleepIn({ person: ana, wakeUps: wakeUpsAt(ana, ['2026-03-16T02:00:00+01:00']) })
    expect(sunday.lateStart).toBe(at('2026-03-16T12:00:00+01:00'))
    expect(computeSleepIn({ person: ana, wakeUps: [] })).toBeNull()
  })

  it('applies local working hours on a DST morning: 12:00 CEST after the 2026-03-28/29 night', () => {
    const everyDay = person('eve', 'Europe/Berlin', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })
    const s = sleepIn({ person: everyDay, wakeUps: wakeUpsAt(everyDay, ['2026-03-29T01:30:00+01:00']) })
    expect(s.lateStart).toBe(at('2026-03-29T12:00:00+02:00'))
  })

  it('says "today" when the sleep period began after midnight', () => {
    const lateSleeper = person('lia', 'Europe/Berlin', { sleep: ['01:00', '09:00'], work: ['10:00', '18:00'] })
    const s = sleepIn({ person: lateSleeper, wakeUps: wakeUpsAt(lateSleeper, ['2026-03-10T02:13:00+01:00']) })
    expect(sleepInNoticeForPerson(s)).toBe('You were woken at 02:13 (Europe/Berlin) — start at 13:00 today; your team has been told.')
  })

  it('rejects negative hours', () => {
    expect(() => computeSleepIn({ person: ana, policy: { mode: 'after-wake-up', hours: -1 }, wakeUps: [] })).toThrow(RangeError)
  })
})
