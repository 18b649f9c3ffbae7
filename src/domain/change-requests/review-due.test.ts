import { describe, expect, it } from 'vitest'
import { localDate, localTime, parseInstant } from '../../lib/time/index.js'
import { DEFAULT_DEPLOY_POLICY, type DeployPolicy } from '../deploy-gate/index.js'
import { reviewDueAt } from './review-due.js'

const at = (s: string) => {
  const i = parseInstant(s)
  if (i === null) throw new Error(s)
  return i
}
const iso = (i: number) => new Date(i).toISOString()

describe('reviewDueAt: one staffed day after an emergency change started', () => {
  const berlin = DEFAULT_DEPLOY_POLICY('Europe/Berlin')

  it.each([
    ['inside staffed hours: Tue 15:00 → Wed 15:00', '2026-11-24T15:00:00+01:00', '2026-11-25T14:00:00.000Z'],
    ['at night: Sat 03:00 → Mon 17:00', '2026-11-28T03:00:00+01:00', '2026-11-30T16:00:00.000Z'],
    ['late Friday: Fri 16:00 → Mon 16:00', '2026-11-27T16:00:00+01:00', '2026-11-30T15:00:00.000Z'],
    ['across the October DST change: Fri 18:00 CEST → Mon 17:00 CET', '2026-10-23T18:00:00+02:00', '2026-10-26T16:00:00.000Z'],
  ])('%s', (_name, started, due) => {
    expect(iso(reviewDueAt(berlin, at(started)))).toBe(due)
  })

  it('skips holidays and follows the staffed span of the policy', () => {
    const withHoliday: DeployPolicy = { ...berlin, holidays: [localDate('2026-11-30')] }
    expect(iso(reviewDueAt(withHoliday, at('2026-11-27T16:00:00+01:00')))).toBe('2026-12-01T15:00:00.000Z')
    const roundTheClock: DeployPolicy = { ...berlin, staffedHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: localTime('00:00'), end: localTime('00:00') } }
    expect(iso(reviewDueAt(roundTheClock, at('2026-11-28T03:00:00+01:00')))).toBe('2026-11-29T02:00:00.000Z')
  })

  it('falls back to a calendar day when nobody is ever staffed in the search range', () => {
    const never: DeployPolicy = { ...berlin, staffedHours: { days: [], start: localTime('09:00'), end: localTime('17:00') } }
    expect(iso(reviewDueAt(never, at('2026-11-24T10:00:00Z')))).toBe('2026-11-25T10:00:00.000Z')
  })
})
