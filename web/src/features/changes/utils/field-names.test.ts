import { describe, expect, it } from 'vitest'
import { fieldName, reasonsByField } from './field-names'

describe('fieldName', () => {
  it('names steps by the editor row that holds them', () => {
    expect(fieldName('rollbackPlan.steps[1]', [0, 2])).toBe('Rollback step 3')
    expect(fieldName('worstCase')).toBe('Worst case')
    expect(fieldName('somethingNew')).toBe('somethingNew')
  })

  it('keeps the first reason of each field', () => {
    expect(reasonsByField([{ field: 'a', reason: 'one' }, { field: 'a', reason: 'two' }])).toEqual({ a: 'one' })
  })
})
