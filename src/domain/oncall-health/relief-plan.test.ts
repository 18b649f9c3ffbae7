import { describe, expect, it } from 'vitest'
import { HOUR_MS } from '../../lib/time/index.js'
import { DEFAULT_RELIEF_RULE } from './relief.js'
import { planRelief, type ReliefPlanInput } from './relief-plan.js'
import { at, person, wakeUpsAt } from './test-fixtures.js'

const ben = person('ben', 'Europe/Berlin')
const base: ReliefPlanInput = {
  now: at('2026-03-10T04:01:00+01:00'),
  tiredUserId: 'ben',
  wakeUps: wakeUpsAt(ben, ['2026-03-10T02:00:00+01:00', '2026-03-10T04:00:00+01:00']),
  shiftEnd: at('2026-03-16T09:00:00+01:00'),
  rotationOrder: ['ana', 'ben', 'cleo'],
  candidates: [{ userId: 'cleo', inRecovery: false, alreadyRelieved: false, asleepNow: false, recentBurden: 0 }],
}

describe('planRelief', () => {
  it('does nothing while the limits are not reached', () => {
    const plan = planRelief({ ...base, wakeUps: base.wakeUps.slice(0, 1) })
    expect(plan.action).toBe('none')
  })

  it("relieves until the end of the shift under 'end-of-shift'", () => {
    const plan = planRelief({ ...base, rule: { ...DEFAULT_RELIEF_RULE, recovery: { mode: 'end-of-shift' } } })
    expect(plan).toMatchObject({ action: 'relieve', override: { userId: 'cleo', replacesUserId: 'ben', start: base.now, end: base.shiftEnd } })
  })

  it('relieves for the recovery period by default, even past the end of the shift', () => {
    const shiftEnd = base.now + HOUR_MS
    const plan = planRelief({ ...base, shiftEnd })
    expect(plan).toMatchObject({ action: 'relieve', override: { end: base.now + 48 * HOUR_MS } })
  })

  it("does nothing under 'end-of-shift' when the shift has already ended", () => {
    const plan = planRelief({ ...base, shiftEnd: base.now, rule: { ...DEFAULT_RELIEF_RULE, recovery: { mode: 'end-of-shift' } } })
    expect(plan.action).toBe('none')
    if (plan.action === 'none') expect(plan.because).toMatch(/shift has already ended$/)
  })
})
