import { describe, expect, it } from 'vitest'
import { planStep, type EscalationPolicy } from './model.js'

const policy = (repeatCount: number): EscalationPolicy => ({
  id: 'p',
  teamId: 't',
  name: 'P',
  description: '',
  repeatCount,
  createdAt: 0,
  updatedAt: 0,
  steps: [
    { id: 's1', targets: [{ type: 'schedule', id: 'primary' }], delayMinutes: 5 },
    { id: 's2', targets: [{ type: 'user', id: 'lead' }], delayMinutes: 10 },
  ],
})

describe('planStep', () => {
  it('walks the steps in order with each step’s delay', () => {
    const first = planStep(policy(0), { step: 0, loop: 0 })
    expect(first).toMatchObject({ step: { id: 's1' }, next: { step: 1, loop: 0 }, nextDelayMs: 300_000 })
    const second = planStep(policy(0), { step: 1, loop: 0 })
    expect(second).toMatchObject({ step: { id: 's2' }, next: null, nextDelayMs: 600_000 })
  })

  it('repeats the policy repeatCount times, then stops', () => {
    expect(planStep(policy(2), { step: 1, loop: 0 })?.next).toEqual({ step: 0, loop: 1 })
    expect(planStep(policy(2), { step: 1, loop: 1 })?.next).toEqual({ step: 0, loop: 2 })
    expect(planStep(policy(2), { step: 1, loop: 2 })?.next).toBeNull()
    expect(planStep(policy(2), { step: 0, loop: 3 })).toBeNull()
  })

  it('has nothing to fire past the last step', () => {
    expect(planStep(policy(0), { step: 2, loop: 0 })).toBeNull()
  })
})
