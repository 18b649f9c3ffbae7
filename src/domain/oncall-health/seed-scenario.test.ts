/**
 * The seed scenario as a pure test: a weekly rotation of 4 people in Europe/Berlin; the
 * on-call is paged at 02:00, 04:00 and 06:00 local on one night. The lead adds the end-to-end
 * version (engine, database, notifications) on top.
 */
import { describe, expect, it } from 'vitest'
import { HOUR_MS, localTime, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { computeFinalShifts, onCallAt, type Override, type ScheduleDef } from '../schedules/index.js'
import { classifyPages } from './classify.js'
import type { NotificationRecord } from './model.js'
import { derivePages } from './pages.js'
import { planRelief } from './relief-plan.js'
import { reliefNeeded } from './relief.js'
import { sleepInNoticeForPerson } from './sleep-in-notice.js'
import { computeSleepIn } from './sleep-in.js'
import { at, person, sent } from './test-fixtures.js'
import { groupWakeUps } from './wake-ups.js'

const members = ['ana', 'ben', 'cleo', 'dan']
const people = members.map((id) => person(id, 'Europe/Berlin'))
const schedule: ScheduleDef = {
  id: 'platform',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      id: 'weekly',
      name: 'Weekly',
      timeZone: null,
      startsAt: at('2026-03-02T09:00:00+01:00'),
      endsAt: null,
      shiftLength: 1,
      shiftUnit: 'weeks',
      handoffTime: localTime('09:00'),
      members,
      restrictions: [],
    },
  ],
}
const pageTimes = ['2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00', '2026-03-10T06:00:00+01:00']

/** A high-urgency page on SMS, push and email to whoever is on call at `when`. */
function pageOnCall(alertId: string, when: string, overrides: readonly Override[]): NotificationRecord[] {
  const userId = onCallAt(schedule, overrides, at(when)).userId ?? 'nobody'
  return [sent(alertId, userId, when), sent(alertId, userId, when, { sentAt: at(when) + 4000 }), sent(alertId, userId, when, { interrupting: false })]
}

function wakeUpsUntil(records: readonly NotificationRecord[], now: Instant, userId: string) {
  const pages = derivePages(records.filter((r) => r.sentAt !== null && r.sentAt <= now))
  return groupWakeUps(classifyPages(pages, people)).filter((w) => w.userId === userId)
}

describe('seed scenario: 2am, 4am, 6am on a weekly rotation of 4 in Europe/Berlin', () => {
  it('sleep-in after the first page, relief after the second, a rested replacement, relief ending on time', () => {
    const tired = onCallAt(schedule, [], at(pageTimes[0] ?? ''))
    expect(tired.userId).toBe('ben')
    const shiftEnd = tired.end
    expect(shiftEnd).toBe(at('2026-03-16T09:00:00+01:00'))

    // 02:00: one page on three channels is one page and one wake-up; Ben starts late, no relief yet.
    const records = pageOnCall('a1', pageTimes[0] ?? '', [])
    const afterFirst = at(pageTimes[0] ?? '') + MINUTE_MS
    const first = wakeUpsUntil(records, afterFirst, 'ben')
    expect(first).toHaveLength(1)
    const sleepIn = computeSleepIn({ person: person('ben', 'Europe/Berlin'), wakeUps: first })
    expect(sleepIn?.lateStart).toBe(at('2026-03-10T12:00:00+01:00'))
    expect(sleepIn === null ? '' : sleepInNoticeForPerson(sleepIn)).toBe(
      'You were woken at 02:00 (Europe/Berlin) — start at 12:00 tomorrow; your team has been told.',
    )
    expect(reliefNeeded(first, afterFirst).needed).toBe(false)

    // 04:00: the second wake-up of the night reaches 2 per night: relief.
    records.push(...pageOnCall('a2', pageTimes[1] ?? '', []))
    const now = at(pageTimes[1] ?? '') + MINUTE_MS
    const second = wakeUpsUntil(records, now, 'ben')
    expect(reliefNeeded(second, now)).toEqual({
      needed: true,
      because: '2 wake-ups in the night of 2026-03-09 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night',
    })
    const plan = planRelief({
      now,
      tiredUserId: 'ben',
      wakeUps: second,
      shiftEnd,
      rotationOrder: members,
      candidates: [
        { userId: 'ana', inRecovery: false, alreadyRelieved: false, asleepNow: true, recentBurden: 2 },
        { userId: 'cleo', inRecovery: true, alreadyRelieved: false, asleepNow: true, recentBurden: 0 },
        { userId: 'dan', inRecovery: false, alreadyRelieved: false, asleepNow: true, recentBurden: 0 },
      ],
    })
    if (plan.action !== 'relieve') throw new Error(`expected relief, got ${plan.action}`)
    // Cleo comes next in rotation but is in recovery; Dan is rested and least burdened.
    expect(plan.override).toEqual({ userId: 'dan', replacesUserId: 'ben', start: now, end: now + 48 * HOUR_MS, kind: 'relief' })
    expect(plan.skipped).toEqual([{ userId: 'cleo', reason: 'in recovery' }])

    // The override hands the pager over with no gap and gives it back exactly 48 hours later.
    const relief: Override = { id: 'relief-1', createdSeq: 1, ...plan.override }
    const shifts = computeFinalShifts(schedule, [relief], now - HOUR_MS, shiftEnd)
    expect(shifts.every((s) => s.userId !== null)).toBe(true)
    expect(shifts.map((s) => [s.userId, s.start, s.end])).toEqual([
      ['ben', now - HOUR_MS, now],
      ['dan', now, now + 48 * HOUR_MS],
      ['ben', now + 48 * HOUR_MS, shiftEnd],
    ])

    // 06:00: the third page goes to Dan, not Ben; Ben's night ends with two wake-ups.
    records.push(...pageOnCall('a3', pageTimes[2] ?? '', [relief]))
    const morning = at('2026-03-10T08:00:00+01:00')
    expect(wakeUpsUntil(records, morning, 'ben')).toHaveLength(2)
    expect(wakeUpsUntil(records, morning, 'dan').map((w) => w.start)).toEqual([at(pageTimes[2] ?? '')])
  })

  it('when nobody is eligible, keeps the tired person on call and escalates with the reasons', () => {
    const now = at('2026-03-10T04:01:00+01:00')
    const wakeUps = groupWakeUps(classifyPages(derivePages(pageTimes.slice(0, 2).map((t, i) => sent(`a${i}`, 'ben', t))), people))
    const plan = planRelief({
      now,
      tiredUserId: 'ben',
      wakeUps,
      shiftEnd: at('2026-03-16T09:00:00+01:00'),
      rotationOrder: members,
      candidates: members.map((userId) => ({ userId, inRecovery: userId !== 'ben', alreadyRelieved: false, asleepNow: true, recentBurden: 0 })),
    })
    expect(plan).toEqual({
      action: 'escalate',
      because: '2 wake-ups in the night of 2026-03-09 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night',
      why: 'nobody can take over from ben: cleo is in recovery, dan is in recovery, ana is in recovery',
      skipped: [
        { userId: 'cleo', reason: 'in recovery' },
        { userId: 'dan', reason: 'in recovery' },
        { userId: 'ana', reason: 'in recovery' },
      ],
    })
  })
})
