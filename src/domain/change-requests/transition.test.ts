import { describe, expect, expectTypeOf, it } from 'vitest'
import type { GateChangeState } from '../deploy-gate/index.js'
import type { ChangeState, ChangeType } from './model.js'
import { transition, type ChangeAction, type ChangeForTransition } from './transition.js'

const cr = (state: ChangeState, type: ChangeType = 'normal', approvals: string[] = []): ChangeForTransition => ({
  state,
  type,
  authorId: 'ann',
  approvals: approvals.map((userId) => ({ userId })),
})

describe('transition', () => {
  const allowed: [string, ChangeForTransition, ChangeAction, string, object][] = [
    ['submit a normal draft', cr('draft'), 'submit', 'ann', { ok: true, state: 'submitted' }],
    ['submit a standard draft: pre-approved', cr('draft', 'standard'), 'submit', 'ann', { ok: true, state: 'approved' }],
    ['approve by a teammate', cr('submitted'), 'approve', 'bob', { ok: true, state: 'approved' }],
    ['start an approved change', cr('approved'), 'start', 'ann', { ok: true, state: 'in_progress' }],
    ['start an unapproved emergency', cr('submitted', 'emergency'), 'start', 'ann', { ok: true, state: 'in_progress', requiresReviewBy: 'next-working-day' }],
    ['start an emergency approved in time', cr('approved', 'emergency', ['bob']), 'start', 'ann', { ok: true, state: 'in_progress' }],
    ['review an emergency after it started', cr('in_progress', 'emergency'), 'approve', 'bob', { ok: true, state: 'in_progress' }],
    ['review an emergency after it finished', cr('done', 'emergency'), 'approve', 'bob', { ok: true, state: 'done' }],
    ['complete', cr('in_progress'), 'complete', 'ann', { ok: true, state: 'done' }],
    ['roll back while in progress', cr('in_progress'), 'rollback', 'ann', { ok: true, state: 'rolled_back' }],
    ['roll back after done: problems show up late', cr('done'), 'rollback', 'bob', { ok: true, state: 'rolled_back' }],
    ['cancel a draft', cr('draft'), 'cancel', 'ann', { ok: true, state: 'cancelled' }],
    ['cancel a submitted change', cr('submitted'), 'cancel', 'ann', { ok: true, state: 'cancelled' }],
    ['cancel an approved change', cr('approved', 'normal', ['bob']), 'cancel', 'ann', { ok: true, state: 'cancelled' }],
    ['reopen a cancelled change', cr('cancelled'), 'reopen', 'ann', { ok: true, state: 'draft', clearApprovals: true }],
    ['withdraw a submitted change to edit it', cr('submitted'), 'reopen', 'ann', { ok: true, state: 'draft', clearApprovals: true }],
    ['reopen a rolled-back change', cr('rolled_back'), 'reopen', 'ann', { ok: true, state: 'draft', clearApprovals: true }],
  ]
  it.each(allowed)('%s', (_, change, action, actor, expected) => {
    expect(transition(change, action, actor)).toEqual(expected)
  })

  it('refuses the author approving their own change (two-person rule)', () => {
    expect(transition(cr('submitted'), 'approve', 'ann')).toEqual({
      ok: false,
      error: { code: 'SELF_APPROVAL', message: 'the author cannot approve their own change: ask a teammate to review it' },
    })
    expect(transition(cr('in_progress', 'emergency'), 'approve', 'ann')).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
  })

  it('refuses a second approval by the same person', () => {
    expect(transition(cr('submitted', 'normal', ['bob']), 'approve', 'bob')).toMatchObject({ ok: false, error: { code: 'ALREADY_APPROVED' } })
  })

  const refused: [ChangeForTransition, ChangeAction][] = [
    [cr('submitted'), 'submit'],
    [cr('draft'), 'approve'],
    [cr('approved'), 'approve'],
    [cr('in_progress', 'emergency', ['bob']), 'approve'],
    [cr('submitted'), 'start'],
    [cr('draft', 'emergency'), 'start'],
    [cr('approved'), 'complete'],
    [cr('approved'), 'rollback'],
    [cr('in_progress'), 'cancel'],
    [cr('done'), 'cancel'],
    [cr('approved'), 'reopen'],
    [cr('done'), 'reopen'],
  ]
  it.each(refused)('refuses %o → %s', (change, action) => {
    expect(transition(change, action, 'bob')).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
  })

  it('names the state in the refusal', () => {
    expect(transition(cr('in_progress'), 'cancel', 'ann')).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: 'cannot cancel a normal change that is in progress' },
    })
  })

  it('uses the same states as the deploy gate', () => {
    expectTypeOf<ChangeState>().toEqualTypeOf<GateChangeState>()
  })
})
