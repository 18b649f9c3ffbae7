import { describe, expect, it } from 'vitest'
import { hasUsableRollbackPlan, rejectStep, rollbackStepQuality } from './rollback-plan.js'

describe('rejectStep: roll-forward and placeholder steps are rejected', () => {
  const rejected: [string, 'placeholder' | 'too-short' | 'roll-forward'][] = [
    ['roll forward', 'roll-forward'],
    ['Roll-forward with a fix', 'roll-forward'],
    ['fix forward', 'roll-forward'],
    ['hotfix', 'roll-forward'],
    ['Hot fix the bug', 'roll-forward'],
    ['fix the bug', 'roll-forward'],
    ['patch it', 'roll-forward'],
    ['deploy a fix', 'roll-forward'],
    ['redeploy a fix', 'roll-forward'],
    ['deploy hotfix 1.43.1', 'roll-forward'],
    ['investigate and fix the issue', 'roll-forward'],
    ['N/A', 'placeholder'],
    ['n/a', 'placeholder'],
    ['none', 'placeholder'],
    ['TBD', 'placeholder'],
    ['-', 'placeholder'],
    ['', 'placeholder'],
    ['...', 'placeholder'],
    ['?!', 'placeholder'],
    ['revert', 'too-short'],
  ]
  it.each(rejected)('%j is rejected as %s', (step, kind) => {
    expect(rejectStep(step)?.kind).toBe(kind)
  })

  it('explains the rejection and shows good steps', () => {
    expect(rejectStep('hotfix')?.message).toBe(
      '"hotfix" fixes forward instead of rolling back: a rollback returns to the last known-good state without new code; write steps that undo the change, e.g. "redeploy the previous version (v1.42.0)", "run down migration 20261120-add-index", "turn off flag checkout_v2"',
    )
  })

  it('accepts an undo step that merely mentions a hotfix', () => {
    expect(rejectStep('revert the hotfix commit a1b2c3d')).toBeNull()
  })
})

describe('rollbackStepQuality', () => {
  const concrete: [string, string][] = [
    ['redeploy the previous version (v1.42.0)', 'names an undo action (redeploy the previous version) and its target (previous version v1.42.0)'],
    ['run down migration 20261120-add-index', 'names an undo action (run down migration) and its target (20261120-add-index)'],
    ['turn off flag checkout_v2', 'names an undo action (turn off) and its target (flag checkout_v2)'],
    ['Turn flag checkout_v2 off', 'names an undo action (turn off) and its target (flag checkout_v2)'],
    ['set checkout_v2 to false', 'names an undo action (turn off) and its target (checkout_v2)'],
    ['kubectl rollout undo deployment/checkout', 'names an undo action (undo) and its target (kubectl rollout deployment/checkout)'],
    ['helm rollback checkout 41', 'names an undo action (roll back) and its target (helm checkout 41)'],
    ['point DNS back to the old load balancer', 'names an undo action (switch back) and its target (dns old load balancer)'],
    ['scale checkout-v2 to 0 replicas', 'names an undo action (scale) and its target (checkout-v2 replicas)'],
    ['restore the orders table from the 02:00 snapshot', 'names an undo action (restore) and its target (orders table from 02 00 snapshot)'],
    ['roll back to the previous release', 'names an undo action (roll back) and its target (previous release)'],
    ['drop the new index idx_orders_created', 'names an undo action (remove) and its target (new index idx_orders_created)'],
  ]
  it.each(concrete)('%j is concrete', (step, why) => {
    expect(rollbackStepQuality(step)).toEqual({ concrete: true, why })
  })

  const vague: [string, string][] = [
    ['revert it', 'says to revert but not what: name the version, commit, flag, migration or service'],
    ['roll back', 'says to roll back but not what: name the version, commit, flag, migration or service'],
    ['monitor the dashboards', 'names no undo action: start with a verb such as redeploy, revert, restore, roll back, disable, turn off, switch, scale or run down migration'],
  ]
  it.each(vague)('%j is not concrete', (step, why) => {
    expect(rollbackStepQuality(step)).toEqual({ concrete: false, why })
  })

  it('is not concrete for rejected steps', () => {
    expect(rollbackStepQuality('fix forward').concrete).toBe(false)
  })
})

describe('hasUsableRollbackPlan', () => {
  it('needs steps, none of them rejected', () => {
    expect(hasUsableRollbackPlan({ steps: [] })).toBe(false)
    expect(hasUsableRollbackPlan({ steps: ['turn off flag checkout_v2', 'hotfix'] })).toBe(false)
    expect(hasUsableRollbackPlan({ steps: ['turn off flag checkout_v2', 'revert it'] })).toBe(true)
  })
})
