import { describe, expect, it } from 'vitest'
import { draftErrors, draftFromPolicy, draftToInput, emptyDraft, moveStep, newStep, stepErrors } from './policy-draft'

describe('policy drafts', () => {
  it('round-trips a policy through the form', () => {
    const policy = {
      id: 'p1', teamId: 't1', name: 'Payments', description: '', repeatCount: 1,
      steps: [{ id: 's1', delayMinutes: 5, targets: [{ type: 'schedule' as const, id: 'sch1' }] }, { id: 's2', delayMinutes: 10, targets: [{ type: 'user' as const, id: 'u1' }] }],
    }
    expect(draftToInput(draftFromPolicy(policy))).toEqual({
      teamId: 't1', name: 'Payments', description: '', repeatCount: 1,
      steps: [{ targets: [{ type: 'schedule', id: 'sch1' }], delayMinutes: 5 }, { targets: [{ type: 'user', id: 'u1' }], delayMinutes: 10 }],
    })
  })

  it('catches what is not a whole number before sending, and leaves ranges to the API', () => {
    const draft = { ...emptyDraft('t1'), name: 'x', repeatCount: 'two', steps: [newStep([], '1.5'), newStep([], '99999')] }
    expect(draftErrors(draft)).toEqual({ repeatCount: 'Enter a whole number', 'steps[0].delayMinutes': 'Enter a whole number of minutes' })
    expect(draftErrors({ ...emptyDraft(''), repeatCount: '-1' })).toEqual({ teamId: 'Choose the team that owns it', name: 'Enter a name' })
  })

  it('moves steps up and down, and not past either end', () => {
    const steps = [newStep(), newStep(), newStep()]
    const keys = (s: readonly { key: number }[]) => s.map((x) => x.key)
    expect(keys(moveStep(steps, 2, -1))).toEqual([steps[0]?.key, steps[2]?.key, steps[1]?.key])
    expect(moveStep(steps, 0, -1)).toBe(steps)
    expect(moveStep(steps, 2, 1)).toBe(steps)
  })

  it('collects the reasons about one step', () => {
    const errors = { 'steps[0].targets': 'must name at least one user or schedule', 'steps[1].targets[0].id': 'user nope does not exist', 'steps[1].delayMinutes': 'must be 0–1440', name: 'must not be empty' }
    expect(stepErrors(errors, 0)).toEqual({ targets: 'must name at least one user or schedule' })
    expect(stepErrors(errors, 1)).toEqual({ targets: 'user nope does not exist', delayMinutes: 'must be 0–1440' })
    expect(stepErrors(errors, 2)).toEqual({})
  })
})
