import { describe, expect, it } from 'vitest'
import { mentionsDatabase, riskHint, type RiskFactors } from './risk.js'

const calm: RiskFactors = { type: 'normal', blastRadiusSize: 1, rollbackTested: true, estimatedRollbackMinutes: 5, touchesDatabase: false, plannedOutsideWindow: false }

describe('riskHint', () => {
  const cases: [string, Partial<RiskFactors>, { level: string; because: string[] }][] = [
    ['a small, rehearsed, quick change', {}, { level: 'low', because: ['small blast radius and a rehearsed, quick rollback'] }],
    ['an unrehearsed rollback alone', { rollbackTested: false }, { level: 'low', because: ['the rollback has not been rehearsed'] }],
    [
      'an unrehearsed, unestimated rollback',
      { rollbackTested: false, estimatedRollbackMinutes: 0 },
      { level: 'medium', because: ['the rollback has not been rehearsed', 'the rollback time is not estimated'] },
    ],
    ['a database change', { touchesDatabase: true }, { level: 'medium', because: ['it touches the database: data changes may not be undone by a redeploy'] }],
    [
      'an emergency database change to a wide blast radius',
      { type: 'emergency', touchesDatabase: true, blastRadiusSize: 4 },
      {
        level: 'high',
        because: ['emergency changes skip review and rehearsal', '4 services are in the blast radius', 'it touches the database: data changes may not be undone by a redeploy'],
      },
    ],
    [
      'outside the window with a slow rollback and 12 services',
      { plannedOutsideWindow: true, estimatedRollbackMinutes: 90, blastRadiusSize: 12 },
      { level: 'high', because: ['12 services are in the blast radius', 'the rollback takes 90 min', 'it is planned outside the deploy window'] },
    ],
  ]
  it.each(cases)('%s', (_, over, expected) => {
    expect(riskHint({ ...calm, ...over })).toEqual(expected)
  })
})

describe('mentionsDatabase', () => {
  it.each([
    ['Add index on orders.created_at', true],
    ['run down migration 20261120-add-index', true],
    ['ALTER TABLE users ADD COLUMN x', true],
    ['Bump the button colour', false],
  ])('%j → %s', (text, expected) => {
    expect(mentionsDatabase(text)).toBe(expected)
  })
})
