/**
 * The change-request state machine:
 *
 *   draft ─submit→ submitted ─approve→ approved ─start→ in_progress ─complete→ done
 *                                                            └─rollback→ rolled_back ←rollback─ done
 *   cancel: from draft, submitted, approved          reopen: submitted, cancelled, rolled_back → draft
 *
 * - Two-person rule: the author cannot approve their own change, and nobody approves twice.
 * - Standard changes are pre-approved: submit goes straight to approved.
 * - Emergency changes may start from submitted without approval; the result then carries
 *   `requiresReviewBy: 'next-working-day'`, which the caller turns into a follow-up. The review
 *   is an 'approve' by someone else, accepted while in progress or after (state unchanged).
 * Authorization (who may start or cancel) is the caller's; this only knows about the rules above.
 */
import type { ChangeState, ChangeType } from './model.js'

export type ChangeAction = 'submit' | 'approve' | 'start' | 'complete' | 'rollback' | 'cancel' | 'reopen'

export const CHANGE_ACTIONS: readonly ChangeAction[] = ['submit', 'approve', 'start', 'complete', 'rollback', 'cancel', 'reopen']

/** What the state machine needs to know about a change. */
export interface ChangeForTransition {
  readonly state: ChangeState
  readonly type: ChangeType
  readonly authorId: string
  readonly approvals: readonly { readonly userId: string }[]
}

/** Why a transition was refused; stable codes for the HTTP layer (409 / 403). */
export type TransitionErrorCode = 'INVALID_TRANSITION' | 'SELF_APPROVAL' | 'ALREADY_APPROVED'

export type TransitionResult =
  | {
      readonly ok: true
      readonly state: ChangeState
      /** An emergency change started without approval must be reviewed by the next working day. */
      readonly requiresReviewBy?: 'next-working-day'
      /** The change went back to draft: earlier approvals no longer apply and must be cleared. */
      readonly clearApprovals?: true
    }
  | { readonly ok: false; readonly error: { readonly code: TransitionErrorCode; readonly message: string } }

const fail = (code: TransitionErrorCode, message: string): TransitionResult => ({ ok: false, error: { code, message } })
const to = (state: ChangeState): TransitionResult => ({ ok: true, state })
const invalid = (cr: ChangeForTransition, action: ChangeAction): TransitionResult =>
  fail('INVALID_TRANSITION', `cannot ${action} a ${cr.type} change that is ${cr.state.replace('_', ' ')}`)

/** States in which an emergency change that started unapproved can get its after-the-fact review. */
const REVIEWABLE_EMERGENCY: readonly ChangeState[] = ['in_progress', 'done', 'rolled_back']

function approve(cr: ChangeForTransition, actorId: string): TransitionResult {
  const isReview = cr.type === 'emergency' && REVIEWABLE_EMERGENCY.includes(cr.state) && cr.approvals.length === 0
  if (cr.state !== 'submitted' && !isReview) return invalid(cr, 'approve')
  if (actorId === cr.authorId) return fail('SELF_APPROVAL', 'the author cannot approve their own change: ask a teammate to review it')
  if (cr.approvals.some((a) => a.userId === actorId)) return fail('ALREADY_APPROVED', 'you have already approved this change')
  return to(isReview ? cr.state : 'approved')
}

function start(cr: ChangeForTransition): TransitionResult {
  if (cr.state === 'approved') return to('in_progress')
  if (cr.type === 'emergency' && cr.state === 'submitted') {
    return cr.approvals.length > 0 ? to('in_progress') : { ok: true, state: 'in_progress', requiresReviewBy: 'next-working-day' }
  }
  return invalid(cr, 'start')
}

const SIMPLE: Readonly<Record<Exclude<ChangeAction, 'approve' | 'start' | 'submit' | 'reopen'>, { from: readonly ChangeState[]; to: ChangeState }>> = {
  complete: { from: ['in_progress'], to: 'done' },
  rollback: { from: ['in_progress', 'done'], to: 'rolled_back' },
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled' },
}

/**
 * Applies `action` by `actorId` to a change, returning its new state or why it is refused.
 * @example transition({ state: 'submitted', type: 'normal', authorId: 'ann', approvals: [] }, 'approve', 'ann') // SELF_APPROVAL
 */
export function transition(cr: ChangeForTransition, action: ChangeAction, actorId: string): TransitionResult {
  switch (action) {
    case 'submit':
      if (cr.state !== 'draft') return invalid(cr, action)
      return to(cr.type === 'standard' ? 'approved' : 'submitted')
    case 'approve':
      return approve(cr, actorId)
    case 'start':
      return start(cr)
    case 'reopen':
      if (!['submitted', 'cancelled', 'rolled_back'].includes(cr.state)) return invalid(cr, action)
      return { ok: true, state: 'draft', clearApprovals: true }
    default: {
      const rule = SIMPLE[action]
      return rule.from.includes(cr.state) ? to(rule.to) : invalid(cr, action)
    }
  }
}
