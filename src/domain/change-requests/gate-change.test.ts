import { describe, expect, it } from 'vitest'
import { gateChangeOf } from './gate-change.js'

describe('gateChangeOf', () => {
  it('tells the gate whether the plan has usable rollback steps', () => {
    const base = { id: 'CHG-1', state: 'approved' as const, type: 'normal' as const, approvedFreezeExceptions: ['frz-1'] }
    expect(gateChangeOf({ ...base, rollbackPlan: { steps: ['turn off flag checkout_v2'] } })).toEqual({ ...base, hasRollbackPlan: true })
    expect(gateChangeOf({ ...base, rollbackPlan: { steps: ['fix forward'] } })).toEqual({ ...base, hasRollbackPlan: false })
  })
})
