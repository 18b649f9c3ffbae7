import { describe, expect, it } from 'vitest'
import { parseFollowUpBody } from './follow-up-body'

describe('follow-up bodies', () => {
  it('takes apart what Tend files after a mitigation', () => {
    const body = [
      'Tend mitigated an alert on payments-api without paging anyone. Find out why it happened.',
      'Alert: api-1 OOMKilled',
      'Action: agent command "restart-api" (exit 0)',
      'Output:',
      'stopping api',
      'Timeline: looks like a line',
      'started api',
      'Timeline: https://tend.example/alerts/a1',
    ].join('\n')
    expect(parseFollowUpBody(body)).toEqual({
      lead: ['Tend mitigated an alert on payments-api without paging anyone. Find out why it happened.'],
      facts: [{ label: 'Alert', value: 'api-1 OOMKilled' }, { label: 'Action', value: 'agent command "restart-api" (exit 0)' }],
      output: 'stopping api\nTimeline: looks like a line\nstarted api',
      timelineUrl: 'https://tend.example/alerts/a1',
    })
  })

  it('keeps any other text whole', () => {
    expect(parseFollowUpBody('Check the disk.\nThen the backups.')).toEqual({ lead: ['Check the disk.', 'Then the backups.'], facts: [], output: null, timelineUrl: null })
  })
})
