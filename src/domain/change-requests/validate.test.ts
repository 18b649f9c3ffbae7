import { describe, expect, it } from 'vitest'
import type { ChangeRequestInput } from './model.js'
import { validateChangeRequest } from './validate.js'

const GOOD: ChangeRequestInput = {
  title: 'Add index on orders.created_at',
  type: 'normal',
  serviceIds: ['orders-db', 'orders-db'],
  description: 'Speeds up the order history page.',
  worstCase: 'Index build locks the orders table and checkout fails for every customer until it is dropped.',
  rollbackPlan: {
    steps: ['run down migration 20261120-add-index', 'redeploy the previous version (v1.42.0)'],
    estimatedMinutes: 10,
    tested: true,
    testedHow: 'rolled back in staging on 2026-11-12',
  },
  verificationSteps: ['p95 of /orders drops below 300 ms'],
  risk: 'medium',
  plannedAt: 1_795_000_000_000,
}

const fieldsOf = (r: ReturnType<typeof validateChangeRequest>) => (r.ok ? [] : r.errors.map((e) => e.field))

describe('validateChangeRequest: drafts', () => {
  it('accepts an incomplete draft with only a title and fills defaults', () => {
    expect(validateChangeRequest({ title: '  Upgrade Node  ', type: 'normal', serviceIds: [] }, 'draft')).toEqual({
      ok: true,
      value: {
        title: 'Upgrade Node',
        type: 'normal',
        serviceIds: [],
        description: '',
        worstCase: '',
        rollbackPlan: { steps: [], estimatedMinutes: 0, tested: false, testedHow: '' },
        verificationSteps: [],
        risk: null,
        plannedAt: null,
      },
      warnings: [],
    })
  })

  it('still rejects a draft with invalid values', () => {
    const result = validateChangeRequest({ title: ' ', type: 'normal', serviceIds: [''], rollbackPlan: { estimatedMinutes: -1 }, plannedAt: 1.5 }, 'draft')
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'title', reason: 'must not be empty' },
        { field: 'plannedAt', reason: 'must be an instant' },
        { field: 'serviceIds[0]', reason: 'must not be empty' },
        { field: 'rollbackPlan.estimatedMinutes', reason: 'must be a whole number of minutes from 0 to 10080' },
      ],
      warnings: [],
    })
  })
})

describe('validateChangeRequest: submitting', () => {
  it('accepts a complete normal change with concrete rollback steps, deduplicating services', () => {
    const result = validateChangeRequest(GOOD, 'submit')
    expect(result.ok).toBe(true)
    expect(result.ok && result.value.serviceIds).toEqual(['orders-db'])
    expect(result.warnings).toEqual([])
  })

  it('requires a worst case, a service and a rollback step', () => {
    const result = validateChangeRequest({ title: 'Upgrade Node', type: 'normal', serviceIds: [] }, 'submit')
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'serviceIds', reason: 'name at least one service this change touches; its blast radius starts there' },
        {
          field: 'worstCase',
          reason: '"" is not a worst case: every change can fail; say what users would see if it did, e.g. "checkout fails for all EU customers until the previous version is redeployed"',
        },
        {
          field: 'rollbackPlan.steps',
          reason: 'needs at least one rollback step: write steps that undo the change, e.g. "redeploy the previous version (v1.42.0)", "run down migration 20261120-add-index", "turn off flag checkout_v2"',
        },
        { field: 'rollbackPlan.estimatedMinutes', reason: 'estimate how many minutes the rollback takes' },
      ],
      warnings: [{ field: 'verificationSteps', reason: 'add how you will know the change worked (a metric, a page, a query)' }],
    })
  })

  it.each(['nothing', 'N/A', 'none', 'no impact', 'Minimal risk.', 'should be fine', 'site down'])('rejects the worst case %j', (worstCase) => {
    expect(fieldsOf(validateChangeRequest({ ...GOOD, worstCase }, 'submit'))).toEqual(['worstCase'])
  })

  it('accepts a worst case that starts with "no" but says something', () => {
    expect(validateChangeRequest({ ...GOOD, worstCase: 'No customer can pay for an hour' }, 'submit').ok).toBe(true)
  })

  it('rejects a roll-forward plan, per step and overall', () => {
    const result = validateChangeRequest({ ...GOOD, rollbackPlan: { ...GOOD.rollbackPlan, steps: ['fix forward', 'deploy a fix'] } }, 'submit')
    expect(fieldsOf(result)).toEqual(['rollbackPlan.steps[0]', 'rollbackPlan.steps[1]', 'rollbackPlan'])
    expect(!result.ok && result.errors[2]?.reason).toBe(
      'this is a roll-forward plan: Tend needs a way back to the last known-good state; write steps that undo the change, e.g. "redeploy the previous version (v1.42.0)", "run down migration 20261120-add-index", "turn off flag checkout_v2"',
    )
  })

  it('rejects a placeholder plan', () => {
    const result = validateChangeRequest({ ...GOOD, rollbackPlan: { ...GOOD.rollbackPlan, steps: ['n/a'] } }, 'submit')
    expect(fieldsOf(result)).toEqual(['rollbackPlan.steps[0]', 'rollbackPlan'])
    expect(!result.ok && result.errors[1]?.reason.startsWith('this plan has no usable step')).toBe(true)
  })

  it('rejects one roll-forward step among good ones, without the overall error', () => {
    const steps = ['turn off flag checkout_v2', 'hotfix if that does not help']
    expect(fieldsOf(validateChangeRequest({ ...GOOD, rollbackPlan: { ...GOOD.rollbackPlan, steps } }, 'submit'))).toEqual(['rollbackPlan.steps[1]'])
  })

  it('warns, without rejecting, about a vague step', () => {
    const result = validateChangeRequest({ ...GOOD, rollbackPlan: { ...GOOD.rollbackPlan, steps: ['turn off flag checkout_v2', 'revert it'] } }, 'submit')
    expect(result.ok).toBe(true)
    expect(result.warnings).toEqual([{ field: 'rollbackPlan.steps[1]', reason: 'says to revert but not what: name the version, commit, flag, migration or service' }])
  })

  it('asks how a tested rollback was tested', () => {
    expect(fieldsOf(validateChangeRequest({ ...GOOD, rollbackPlan: { ...GOOD.rollbackPlan, testedHow: 'yes' } }, 'submit'))).toEqual(['rollbackPlan.testedHow'])
  })

  it('needs the worst case and a rollback step for an emergency, but no estimate', () => {
    const emergency = { ...GOOD, type: 'emergency' as const, rollbackPlan: { steps: ['revert commit 9f2c1ab'] }, verificationSteps: [] }
    expect(validateChangeRequest(emergency, 'submit')).toMatchObject({ ok: true, warnings: [] })
    expect(fieldsOf(validateChangeRequest({ ...emergency, worstCase: 'n/a', rollbackPlan: { steps: ['roll forward'] } }, 'submit'))).toEqual([
      'worstCase',
      'rollbackPlan.steps[0]',
      'rollbackPlan',
    ])
  })

  it('needs a rehearsed rollback and no high risk for a standard change', () => {
    const standard = { ...GOOD, type: 'standard' as const }
    expect(validateChangeRequest(standard, 'submit').ok).toBe(true)
    const untested = validateChangeRequest({ ...standard, risk: 'high', rollbackPlan: { ...GOOD.rollbackPlan, tested: false } }, 'submit')
    expect(fieldsOf(untested)).toEqual(['rollbackPlan.tested', 'risk'])
  })
})
