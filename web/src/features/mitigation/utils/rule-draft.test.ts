import { describe, expect, it } from 'vitest'
import type { MitigationRule } from '../../../types/api'
import { draftFromRule, emptyRuleDraft, parseLabels, ruleDraftErrors, ruleDraftToInput } from './rule-draft'

const rule: MitigationRule = {
  id: 'r1', serviceId: 's1', name: 'Restart on OOM',
  match: { summaryPattern: 'OOM|out of memory', labels: { instance: 'api-1', job: 'api' }, severities: ['critical'] },
  action: { type: 'http', method: 'POST', url: 'https://k8s.example/restart/{{alert.labels.instance}}', body: { reason: 'oom' }, timeoutSeconds: 30 },
  mode: 'before', verifyMinutes: 5, loopGuard: { maxRuns: 2, perMinutes: 30 }, paused: false, dryRun: true,
  createdBy: null, createdAt: '2026-11-24T01:00:00Z', updatedAt: '2026-11-24T01:00:00Z',
}

describe('mitigation rule drafts', () => {
  it('round-trips a rule through the form', () => {
    expect(ruleDraftToInput(draftFromRule(rule))).toEqual({
      name: 'Restart on OOM',
      match: { summaryPattern: 'OOM|out of memory', labels: { instance: 'api-1', job: 'api' }, severities: ['critical'] },
      action: { type: 'http', method: 'POST', url: 'https://k8s.example/restart/{{alert.labels.instance}}', body: { reason: 'oom' }, timeoutSeconds: 30 },
      mode: 'before', verifyMinutes: 5, loopGuard: { maxRuns: 2, perMinutes: 30 },
    })
  })

  it('sends an agent action without the HTTP fields, and leaves empty match fields out', () => {
    const draft = { ...emptyRuleDraft('s1'), name: ' Restart ', source: ' api-1 ', actionType: 'agent' as const, agentId: 'a1', command: 'restart-api', body: '{not json' }
    expect(ruleDraftErrors(draft)).toEqual({})
    expect(ruleDraftToInput(draft)).toMatchObject({ name: 'Restart', match: { source: 'api-1' }, action: { type: 'agent', agentId: 'a1', command: 'restart-api', timeoutSeconds: 60 } })
  })

  it('catches what cannot be sent, keyed like the API fields', () => {
    const draft = { ...emptyRuleDraft(''), labels: 'instance=api-1\nnonsense', body: '{"a":', verifyMinutes: 'ten', maxRuns: '1.5' }
    expect(ruleDraftErrors(draft)).toEqual({
      serviceId: 'Choose the service whose alerts it mitigates',
      name: 'Enter a name',
      'match.labels': 'Line 2 is not key=value',
      'action.body': expect.stringContaining('is not valid JSON') as unknown as string,
      verifyMinutes: 'Enter a whole number of minutes',
      'loopGuard.maxRuns': 'Enter a whole number',
    })
    expect(ruleDraftErrors({ ...emptyRuleDraft('s1'), name: 'x', actionType: 'agent' })).toEqual({
      'action.agentId': 'Choose the agent that runs the command',
      'action.command': "Choose a command from the agent's allow-list",
    })
  })

  it('reads labels as key=value lines, keeping = inside values', () => {
    expect(parseLabels('\n a = b \nurl=x=y\n')).toEqual({ labels: { a: 'b', url: 'x=y' } })
    expect(parseLabels('=b')).toEqual({ badLine: 1 })
  })

  it('sends a follow-up webhook only when one is typed in', () => {
    expect(ruleDraftToInput({ ...emptyRuleDraft('s1'), followUpWebhookUrl: ' https://jira.example/hook ' }).followUpWebhookUrl).toBe('https://jira.example/hook')
    expect('followUpWebhookUrl' in ruleDraftToInput(emptyRuleDraft('s1'))).toBe(false)
  })
})
