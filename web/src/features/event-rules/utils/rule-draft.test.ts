import { describe, expect, it } from 'vitest'
import type { EventRule } from '../../../types/api'
import { describeActions, describeConditions } from './describe-rule'
import { draftFromEventRule, emptyCondition, emptyEventRuleDraft, eventRuleDraftErrors, eventRuleDraftToInput } from './rule-draft'

const rule: EventRule = {
  id: 'r1', serviceId: 's1', position: 0, name: 'noisy disks', disabled: false,
  conditions: [
    { field: 'summary', op: 'contains', value: 'disk', ignoreCase: true },
    { field: 'labels.env', op: 'in', values: ['staging', 'dev'] },
    { field: 'details.hosts.0', op: 'matches', pattern: '^db-\\d+$', ignoreCase: false },
  ],
  actions: { suppress: false, setUrgency: 'low', routeTo: null, pageIfFires: { times: 3, withinMinutes: 10, per: 'dedupKey' }, pageIfStillOpenAfter: null },
  createdAt: '', updatedAt: '',
}

describe('event rule drafts', () => {
  it('round-trips a rule through the builder, sending switched-off actions as null', () => {
    expect(eventRuleDraftToInput(draftFromEventRule(rule))).toEqual({
      name: 'noisy disks', disabled: false,
      conditions: rule.conditions,
      actions: { suppress: false, setUrgency: 'low', routeTo: null, pageIfFires: { times: 3, withinMinutes: 10, per: 'dedupKey' }, pageIfStillOpenAfter: null },
    })
  })

  it('names what cannot be sent by the API field path', () => {
    const draft = { ...emptyEventRuleDraft(), conditions: [{ ...emptyCondition(), fieldKind: 'labels' as const }, { ...emptyCondition(), op: 'matches' as const }], pageIfStillOpen: true, stillOpenMinutes: 'ten' }
    expect(eventRuleDraftErrors(draft)).toEqual({
      name: 'Name it: suppressed and held events show which rule acted',
      'conditions[0].field': 'Enter the label name',
      'conditions[0].value': 'Enter the text to look for',
      'conditions[1].pattern': 'Enter a regular expression',
      'actions.pageIfStillOpenAfter.minutes': 'Enter whole minutes',
    })
    expect(eventRuleDraftErrors({ ...emptyEventRuleDraft(), name: 'x', conditions: [] })).toEqual({ actions: 'Choose at least one action' })
  })

  it('describes a rule in words', () => {
    expect(describeConditions(rule.conditions)).toBe('summary contains “disk” (any case) and labels.env is one of “staging”, “dev” and details.hosts.0 matches /^db-\\d+$/')
    expect(describeConditions([])).toBe('every event')
    expect(describeActions({ ...rule.actions, suppress: true, routeTo: 's2' }, () => 'ledger-db')).toEqual([
      'suppress: keep the alert, notify nobody', 'set urgency low', 'route to ledger-db', 'page only if it fires 3 times in 10 min (per dedup key)',
    ])
  })
})
