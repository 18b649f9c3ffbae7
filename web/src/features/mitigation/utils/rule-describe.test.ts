import { describe, expect, it } from 'vitest'
import { describeAction, describeBehaviour, describeMatch, ruleState } from './rule-describe'

describe('describing mitigation rules', () => {
  it('names the state: paused beats dry run', () => {
    expect(ruleState({ paused: true, dryRun: true })).toBe('paused')
    expect(ruleState({ paused: false, dryRun: true })).toBe('dry_run')
    expect(ruleState({ paused: false, dryRun: false })).toBe('active')
  })

  it('puts the match and the action in words', () => {
    expect(describeMatch({ summaryPattern: 'OOM', labels: { instance: 'api-1' }, severities: ['critical', 'error', 'warning'], source: 'k8s' })).toEqual([
      'summary matches /OOM/', 'label instance = api-1', 'severity is critical, error or warning', 'source is k8s',
    ])
    expect(describeAction({ type: 'agent', agentId: 'a1', command: 'restart-api', timeoutSeconds: 30 }, () => 'api-host-1')).toBe('run “restart-api” on api-host-1')
    expect(describeAction({ type: 'agent', agentId: 'gone', command: 'x', timeoutSeconds: 30 }, () => undefined)).toBe('run “x” on a removed agent')
    expect(describeBehaviour({ mode: 'parallel', verifyMinutes: 1, loopGuard: { maxRuns: 1, perMinutes: 60 } })).toBe(
      'Pages as usual and mitigates in parallel; waits up to 1 min for the alert to clear; at most 1 run per 60 min for one alert, then pages a human.',
    )
  })
})
