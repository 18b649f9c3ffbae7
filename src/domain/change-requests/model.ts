/**
 * Change requests: a change names the services it touches, its worst case and a rollback plan
 * (never a roll-forward plan), and moves through a small state machine with a two-person rule.
 */
import type { FieldError } from '../../lib/errors.js'
import type { Instant } from '../../lib/time/index.js'

/**
 * ITIL 4 / ServiceNow change types:
 * - 'standard': pre-approved and repeatable (a template); approved on submit, no reviewer.
 * - 'normal': reviewed and approved by someone other than the author before it starts.
 * - 'emergency': may start before approval; reviewed within a working day afterwards.
 */
export type ChangeType = 'standard' | 'normal' | 'emergency'

export const CHANGE_TYPES: readonly ChangeType[] = ['standard', 'normal', 'emergency']

/**
 * Lifecycle: draft → submitted → approved → in_progress → done | rolled_back; cancelled from
 * draft, submitted or approved. A done change can still be rolled back (problems show up late).
 */
export type ChangeState = 'draft' | 'submitted' | 'approved' | 'in_progress' | 'done' | 'rolled_back' | 'cancelled'

export const CHANGE_STATES: readonly ChangeState[] = ['draft', 'submitted', 'approved', 'in_progress', 'done', 'rolled_back', 'cancelled']

export type Risk = 'low' | 'medium' | 'high'

export const RISKS: readonly Risk[] = ['low', 'medium', 'high']

/** How to return to the last known-good state. */
export interface RollbackPlan {
  /** Concrete undo steps in order: "redeploy v1.42.0", "turn off flag checkout_v2". */
  readonly steps: readonly string[]
  /** Expected minutes to complete the rollback; 0 = not estimated yet. */
  readonly estimatedMinutes: number
  /** Whether the rollback has been rehearsed (staging, game day, a previous real rollback). */
  readonly tested: boolean
  /** How and when it was rehearsed; required when `tested` is true. */
  readonly testedHow: string
}

/** A change request as written by a person; drafts may leave everything but the title empty. */
export interface ChangeRequestInput {
  readonly title: string
  readonly type: ChangeType
  readonly serviceIds: readonly string[]
  readonly description?: string
  /** The worst thing this change could do, as a sentence: "checkout fails for all EU customers". */
  readonly worstCase?: string
  readonly rollbackPlan?: Partial<RollbackPlan>
  /** How the author will know the change worked ("error rate on /pay stays under 0.1 %"). */
  readonly verificationSteps?: readonly string[]
  /** The author's own risk estimate; riskHint gives a computed one to compare. */
  readonly risk?: Risk
  readonly plannedAt?: Instant
}

/** A change request after normalization: trimmed, defaults filled, every field present. */
export interface ChangeRequestFields {
  readonly title: string
  readonly type: ChangeType
  readonly serviceIds: readonly string[]
  readonly description: string
  readonly worstCase: string
  readonly rollbackPlan: RollbackPlan
  readonly verificationSteps: readonly string[]
  readonly risk: Risk | null
  readonly plannedAt: Instant | null
}

/**
 * The result of validation. Errors block; warnings are hints shown next to the field (for
 * example a rollback step that names no version). Both carry field paths.
 */
export type ChangeValidation =
  | { readonly ok: true; readonly value: ChangeRequestFields; readonly warnings: readonly FieldError[] }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly warnings: readonly FieldError[] }
