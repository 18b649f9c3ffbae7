import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { normalizeEventRule, type EventRuleInput } from './normalize.js'

function fieldErrors(input: EventRuleInput): string[] {
  try {
    normalizeEventRule(input)
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    return (err as AppError).fields.map((f) => `${f.field}: ${f.reason}`)
  }
  throw new Error('expected a validation error')
}

describe('normalizeEventRule', () => {
  it('fills defaults', () => {
    expect(normalizeEventRule({ id: ' r1 ', conditions: [{ field: 'summary', op: 'contains', value: 'disk' }], actions: { pageIfFires: { times: 3, withinMinutes: 10 } } })).toEqual({
      id: 'r1',
      disabled: false,
      conditions: [{ field: 'summary', op: 'contains', value: 'disk', ignoreCase: false }],
      actions: { suppress: false, setUrgency: null, routeTo: null, pageIfFires: { times: 3, withinMinutes: 10, per: 'dedupKey' }, pageIfStillOpenAfter: null },
    })
  })

  it.each<[string, EventRuleInput, string]>([
    ['no id', { actions: { suppress: true } }, 'id: required'],
    ['no action', { id: 'r' }, 'actions: give at least one action'],
    ['an unknown field', { id: 'r', conditions: [{ field: 'title', op: 'exists' }], actions: { suppress: true } }, 'conditions[0].field: must be one of summary'],
    ['an empty detail path', { id: 'r', conditions: [{ field: 'details.', op: 'exists' }], actions: { suppress: true } }, 'conditions[0].field'],
    ['an unknown operator', { id: 'r', conditions: [{ field: 'summary', op: 'like', value: 'x' }], actions: { suppress: true } }, 'conditions[0].op: must be one of equals'],
    ['a regex syntax error', { id: 'r', conditions: [{ field: 'summary', op: 'matches', pattern: '([a-z' }], actions: { suppress: true } }, 'conditions[0].pattern: Invalid regular expression'],
    ['a catastrophic regex', { id: 'r', conditions: [{ field: 'summary', op: 'matches', pattern: '(a+)+$' }], actions: { suppress: true } }, 'conditions[0].pattern: nested repeats'],
    ['an unknown severity', { id: 'r', conditions: [{ field: 'severity', op: 'in', values: ['sev1'] }], actions: { suppress: true } }, 'conditions[0].values: severities are critical, error, warning, info; got sev1'],
    ['an empty value list', { id: 'r', conditions: [{ field: 'source', op: 'in', values: [] }], actions: { suppress: true } }, 'conditions[0].values: give 1 to 50 values'],
    ['a non-text value', { id: 'r', conditions: [{ field: 'source', op: 'equals', value: 5 }], actions: { suppress: true } }, 'conditions[0].value: must be text'],
    ['times = 1', { id: 'r', actions: { pageIfFires: { times: 1, withinMinutes: 5 } } }, 'actions.pageIfFires.times: must be a whole number from 2 to 100'],
    ['a window over a day', { id: 'r', actions: { pageIfFires: { times: 2, withinMinutes: 2000 } } }, 'actions.pageIfFires.withinMinutes: must be a whole number from 1 to 1440'],
    ['a zero hold', { id: 'r', actions: { pageIfStillOpenAfter: { minutes: 0 } } }, 'actions.pageIfStillOpenAfter.minutes'],
    ['an unknown urgency', { id: 'r', actions: { setUrgency: 'urgent' } }, 'actions.setUrgency: must be high or low'],
    ['suppress with a page condition', { id: 'r', actions: { suppress: true, pageIfStillOpenAfter: { minutes: 5 } } }, 'actions.suppress: a suppressing rule never pages'],
  ])('rejects %s', (_name, input, expected) => {
    expect(fieldErrors(input).join('\n')).toContain(expected)
  })
})
