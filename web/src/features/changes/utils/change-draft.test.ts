import { describe, expect, it } from 'vitest'
import { draftToInput, EMPTY_DRAFT, stepRows } from './change-draft'

describe('draftToInput', () => {
  it('drops empty rows and sends the planned time with the zone’s offset', () => {
    const input = draftToInput({ ...EMPTY_DRAFT, title: 'Add index', steps: ['', 'redeploy v1.42.0', '  '], estimatedMinutes: '5', plannedAt: '2026-11-25T10:00' }, 'Europe/Berlin')
    expect(input.rollbackPlan).toEqual({ steps: ['redeploy v1.42.0'], estimatedMinutes: 5, tested: false, testedHow: '' })
    expect(input.verificationSteps).toEqual([])
    expect(input.plannedAt).toBe('2026-11-25T10:00:00+01:00')
    expect(input.risk).toBeNull()
  })

  it('sends a minutes value that is not a whole number as -1, so the API names the field', () => {
    expect(draftToInput({ ...EMPTY_DRAFT, estimatedMinutes: '1.5' }, 'UTC').rollbackPlan.estimatedMinutes).toBe(-1)
    expect(draftToInput({ ...EMPTY_DRAFT, estimatedMinutes: '' }, 'UTC').rollbackPlan.estimatedMinutes).toBe(0)
  })

  it('forgets how it was tested once “tested” is unticked', () => {
    expect(draftToInput({ ...EMPTY_DRAFT, tested: false, testedHow: 'in staging' }, 'UTC').rollbackPlan.testedHow).toBe('')
  })
})

describe('stepRows', () => {
  it('maps the API’s step indexes to editor rows, skipping empty rows', () => {
    expect(stepRows(['a', '', 'b', ' '])).toEqual([0, 2])
  })
})
