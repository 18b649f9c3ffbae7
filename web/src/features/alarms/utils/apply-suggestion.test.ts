import { describe, expect, it } from 'vitest'
import { perWeek, suggestionPatch } from './apply-suggestion'

describe('applying a threshold suggestion', () => {
  it('changes only the threshold while the recovery threshold stays on the right side', () => {
    expect(suggestionPatch({ comparison: '>', threshold: 300, recoveryThreshold: 250 }, 400)).toEqual({ threshold: 400 })
    expect(suggestionPatch({ comparison: '>', threshold: 300, recoveryThreshold: null }, 200)).toEqual({ threshold: 200 })
  })

  it('moves the recovery threshold with it, keeping the gap, when it would cross', () => {
    expect(suggestionPatch({ comparison: '>', threshold: 300, recoveryThreshold: 250 }, 200)).toEqual({ threshold: 200, recoveryThreshold: 150 })
    expect(suggestionPatch({ comparison: '<', threshold: 10, recoveryThreshold: 20 }, 30)).toEqual({ threshold: 30, recoveryThreshold: 40 })
  })

  it('says how often', () => {
    expect([0, 1, 85.4237].map(perWeek)).toEqual(['0 times a week', '1 time a week', '85.4 times a week'])
  })
})
