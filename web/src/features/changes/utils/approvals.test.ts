import { describe, expect, it } from 'vitest'
import type { ChangeSummary, Freeze } from '../../../types/api'
import { exceptionRequests, freezeCovers, mayApprove, type Viewer } from './approvals'

const change = (over: Partial<ChangeSummary> = {}): ChangeSummary => ({
  id: 'c1', number: 1, key: 'CR-1', title: 'Add index', description: '', type: 'normal', state: 'submitted',
  authorId: 'ann', authorName: 'Ann', serviceIds: ['db'], services: [{ id: 'db', name: 'ledger-db', teamId: 'pay' }],
  worstCase: 'ledger writes lock', rollbackPlan: { steps: ['run down migration 1'], estimatedMinutes: 5, tested: false, testedHow: '' },
  verificationSteps: [], risk: null, riskHint: null, plannedAt: '2026-11-27T10:00:00Z', reviewDueAt: null, startedAt: null, finishedAt: null,
  createdAt: '2026-11-24T10:00:00Z', updatedAt: '2026-11-24T10:00:00Z', approvals: [], freezeExceptions: [], ...over,
})
const freeze = (over: Partial<Freeze> = {}): Freeze => ({
  id: 'f1', name: 'Black Friday', start: '2026-11-26T17:00:00Z', end: '2026-11-30T05:00:00Z', scope: { kind: 'teams', teamIds: ['pay'] },
  reason: '', approverIds: ['bob'], active: false, exceptions: [], ...over,
})
const bob: Viewer = { id: 'bob', isAdmin: false, roles: new Map([['pay', 'responder']]) }
const NOW = Date.parse('2026-11-24T10:00:00Z')

describe('mayApprove', () => {
  it('follows the two-person rule and the responder role', () => {
    expect(mayApprove(change(), bob)).toBe(true)
    expect(mayApprove(change(), { ...bob, id: 'ann' })).toBe(false)
    expect(mayApprove(change(), { id: 'eve', isAdmin: false, roles: new Map([['pay', 'observer']]) })).toBe(false)
    expect(mayApprove(change(), { id: 'root', isAdmin: true, roles: new Map() })).toBe(true)
    expect(mayApprove(change({ approvals: [{ userId: 'bob', userName: 'Bob', scope: 'change', freezeId: null, comment: '', at: '' }] }), bob)).toBe(false)
  })

  it('lets a teammate review an emergency change that started unapproved', () => {
    expect(mayApprove(change({ type: 'emergency', state: 'in_progress' }), bob)).toBe(true)
    expect(mayApprove(change({ state: 'in_progress' }), bob)).toBe(false)
  })
})

describe('freeze exceptions', () => {
  it('covers by team, by service or everything', () => {
    expect(freezeCovers(freeze(), change())).toBe(true)
    expect(freezeCovers(freeze({ scope: { kind: 'services', serviceIds: ['web'] } }), change())).toBe(false)
    expect(freezeCovers(freeze({ scope: { kind: 'all' } }), change())).toBe(true)
  })

  it('asks the freeze’s approvers about changes planned inside it, until granted', () => {
    expect(exceptionRequests([change()], [freeze()], bob, NOW)).toHaveLength(1)
    expect(exceptionRequests([change({ plannedAt: '2026-11-25T10:00:00Z' })], [freeze()], bob, NOW)).toHaveLength(0)
    expect(exceptionRequests([change({ freezeExceptions: ['f1'] })], [freeze()], bob, NOW)).toHaveLength(0)
    expect(exceptionRequests([change()], [freeze({ approverIds: [] })], bob, NOW)).toHaveLength(0)
    expect(exceptionRequests([change({ state: 'draft' })], [freeze()], bob, NOW)).toHaveLength(0)
  })
})
