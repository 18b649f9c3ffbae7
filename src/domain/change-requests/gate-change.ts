/**
 * The bridge to the deploy gate: what a deploy check needs to know about the change it belongs to.
 * Change requests depend on the gate (never the reverse), so this lives here.
 */
import type { GateChange } from '../deploy-gate/index.js'
import type { ChangeState, ChangeType } from './model.js'
import { hasUsableRollbackPlan } from './rollback-plan.js'

/** Describes a stored change for evaluateDeploy's `change` input. */
export function gateChangeOf(cr: {
  readonly id: string
  readonly state: ChangeState
  readonly type: ChangeType
  readonly rollbackPlan: { readonly steps: readonly string[] }
  readonly approvedFreezeExceptions: readonly string[]
}): GateChange {
  return { id: cr.id, state: cr.state, type: cr.type, hasRollbackPlan: hasUsableRollbackPlan(cr.rollbackPlan), approvedFreezeExceptions: cr.approvedFreezeExceptions }
}
