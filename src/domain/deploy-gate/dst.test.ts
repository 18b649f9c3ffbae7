import { describe, expect, it } from 'vitest'
import { localDate, localTime, localToInstant, parseInstant, WEEKDAYS, type Instant } from '../../lib/time/index.js'
import { evaluateDeploy } from './evaluate.js'
import type { AllowWindow, DeployPolicy, GateInput } from './model.js'
import { DEFAULT_DEPLOY_POLICY } from './policy.js'
import { nextAllowedTime } from './time-rules.js'

const utc = (s: string): Instant => parseInstant(s) as Instant
const local = (zone: string, date: string, time: string) => localToInstant(zone, localDate(date), localTime(time))

function input(at: Instant, policy: DeployPolicy): GateInput {
  const cover = { from: at - 86_400_000, to: at + 7 * 86_400_000, userId: 'u1', userName: 'Ana', asleepDuring: false, relieved: false, reachable: true }
  return { at, serviceId: 's', teamId: 't', kind: 'deploy', policy, freezes: [], change: null, facts: { onCall: [cover], openHighUrgencyAlerts: 0, nightBudgetSpent: false } }
}

const allDayStaffed = { days: [...WEEKDAYS], start: localTime('00:00'), end: localTime('00:00') }
const windowPolicy = (zone: string, w: AllowWindow): DeployPolicy => ({ ...DEFAULT_DEPLOY_POLICY(zone), windows: [w], staffedHours: allDayStaffed })

describe('next allowed time across DST weekends (default policy)', () => {
  const cases = [
    // Europe/Berlin springs forward on Sun 2026-03-29: Friday 09:00 is +01:00, Monday 09:00 is +02:00.
    { zone: 'Europe/Berlin', friday: '2026-03-27', monday: '2026-03-30', mondayUtc: '2026-03-30T07:00:00Z' },
    // Europe/Berlin falls back on Sun 2026-10-25: Monday 09:00 is +01:00 again.
    { zone: 'Europe/Berlin', friday: '2026-10-23', monday: '2026-10-26', mondayUtc: '2026-10-26T08:00:00Z' },
    // America/New_York springs forward on Sun 2026-03-08: Monday 09:00 is EDT (−04:00).
    { zone: 'America/New_York', friday: '2026-03-06', monday: '2026-03-09', mondayUtc: '2026-03-09T13:00:00Z' },
    // America/New_York falls back on Sun 2026-11-01.
    { zone: 'America/New_York', friday: '2026-10-30', monday: '2026-11-02', mondayUtc: '2026-11-02T14:00:00Z' },
  ]
  it.each(cases)('$zone: Friday 15:00 before $monday waits for Monday 09:00 local ($mondayUtc)', ({ zone, friday, mondayUtc }) => {
    const decision = evaluateDeploy(input(local(zone, friday, '15:00'), DEFAULT_DEPLOY_POLICY(zone)))
    expect(decision.allowed).toBe(false)
    expect(decision.reasons.map((r) => r.code)).toEqual(['SUPPORT_TAIL'])
    expect(decision.nextAllowedAt).toBe(utc(mondayUtc))
  })

  it.each(cases)('$zone: Monday $monday 09:00 and 14:00 local are allowed, 14:01 is not', ({ zone, monday }) => {
    const policy = DEFAULT_DEPLOY_POLICY(zone)
    expect(evaluateDeploy(input(local(zone, monday, '09:00'), policy)).allowed).toBe(true)
    expect(evaluateDeploy(input(local(zone, monday, '14:00'), policy)).allowed).toBe(true)
    expect(evaluateDeploy(input(local(zone, monday, '14:01'), policy)).allowed).toBe(false)
  })
})

describe('windows over the DST night itself', () => {
  it('Berlin: a Sat 22:00–06:00 window is 7 real hours on the spring-forward night', () => {
    const policy = windowPolicy('Europe/Berlin', { days: ['sat'], start: localTime('22:00'), end: localTime('06:00') })
    expect(nextAllowedTime(input(utc('2026-03-28T12:00:00Z'), policy))).toBe(utc('2026-03-28T21:00:00Z'))
    expect(evaluateDeploy(input(utc('2026-03-29T00:59:00Z'), policy)).allowed).toBe(true) // 01:59 CET
    expect(evaluateDeploy(input(utc('2026-03-29T01:00:00Z'), policy)).allowed).toBe(true) // 03:00 CEST
    expect(evaluateDeploy(input(utc('2026-03-29T03:59:00Z'), policy)).allowed).toBe(true) // 05:59 CEST
    expect(evaluateDeploy(input(utc('2026-03-29T04:00:00Z'), policy)).allowed).toBe(false) // 06:00 CEST
  })

  it('Berlin: a window starting at a skipped 02:30 opens when the clock resumes (03:30 CEST)', () => {
    const policy = windowPolicy('Europe/Berlin', { days: ['sun'], start: localTime('02:30'), end: localTime('04:00') })
    expect(nextAllowedTime(input(utc('2026-03-28T12:00:00Z'), policy))).toBe(utc('2026-03-29T01:30:00Z'))
    expect(evaluateDeploy(input(utc('2026-03-29T02:00:00Z'), policy)).allowed).toBe(false) // 04:00 CEST
  })

  it('Berlin: a Sun 02:00–03:00 window on the fall-back night starts at the first 02:00 and lasts 2 real hours', () => {
    const policy = windowPolicy('Europe/Berlin', { days: ['sun'], start: localTime('02:00'), end: localTime('03:00') })
    expect(nextAllowedTime(input(utc('2026-10-24T12:00:00Z'), policy))).toBe(utc('2026-10-25T00:00:00Z'))
    expect(evaluateDeploy(input(utc('2026-10-25T01:30:00Z'), policy)).allowed).toBe(true) // the second 02:30, CET
    expect(evaluateDeploy(input(utc('2026-10-25T02:00:00Z'), policy)).allowed).toBe(false) // 03:00 CET
  })

  it('New York: the tail counts real minutes, so the short spring-forward night leaves less support time', () => {
    // Staffed Sat 22:00 EST → Sun 04:00 EDT is 03:00Z → 08:00Z: five real hours, not six.
    const policy: DeployPolicy = { ...DEFAULT_DEPLOY_POLICY('America/New_York'), windows: [], staffedHours: { days: ['sat'], start: localTime('22:00'), end: localTime('04:00') } }
    expect(evaluateDeploy(input(utc('2026-03-08T05:00:00Z'), policy)).allowed).toBe(true) // 00:00 EST, 3 h left
    // 00:30 EST reads 3 h 30 min before 04:00 on the wall clock, but only 2 h 30 min pass.
    const decision = evaluateDeploy(input(utc('2026-03-08T05:30:00Z'), policy))
    expect(decision.reasons.map((r) => r.message)).toEqual([
      'only 2 h 30 min of staffed time left (until Sun 04:00 America/New_York): a deploy needs 3 h of staffed time after it',
    ])
  })
})
