import { describe, expect, it } from 'vitest'
import type { Heartbeat } from '../../../types/api'
import { describeSchedule, failModeText, missesText, silenceBeforePage } from './describe-heartbeat'
import { draftFromHeartbeat, emptyHeartbeatDraft, heartbeatDraftErrors, heartbeatDraftToInput, secondsInWords, splitInterval } from './heartbeat-draft'
import { pingCommands } from './ping-commands'

const heartbeat: Heartbeat = {
  id: 'h1', serviceId: 's1', name: 'nightly-backup', tokenPrefix: 'abc123',
  spec: { schedule: { kind: 'cron', cron: '0 2 * * *', timeZone: 'Europe/Berlin' }, graceSeconds: 1800, missesToAlarm: 1, failMode: 'immediate' },
  status: 'up', alertOpen: false, lastPingAt: null, lastStartAt: null, lastFailAt: null,
  nextCheckAt: '2026-11-24T01:30:00Z', createdAt: '2026-11-23T10:00:00Z',
}

describe('heartbeat drafts', () => {
  it('sends an interval in seconds and the cron fields as null, so an edit can switch kinds', () => {
    const draft = { ...emptyHeartbeatDraft('s1', 'UTC'), name: ' export ', every: '2', unit: 'hours' as const, graceMinutes: '10' }
    expect(heartbeatDraftErrors(draft)).toEqual({})
    expect(heartbeatDraftToInput(draft)).toEqual({ name: 'export', intervalSeconds: 7200, cron: null, timeZone: null, graceSeconds: 600, missesToAlarm: 3, failMode: 'immediate' })
  })

  it('round-trips a cron heartbeat', () => {
    expect(heartbeatDraftToInput(draftFromHeartbeat(heartbeat, 'UTC'))).toEqual({
      name: 'nightly-backup', intervalSeconds: null, cron: '0 2 * * *', timeZone: 'Europe/Berlin', graceSeconds: 1800, missesToAlarm: 1, failMode: 'immediate',
    })
  })

  it('names what cannot be sent by the API field', () => {
    expect(heartbeatDraftErrors({ ...emptyHeartbeatDraft('', 'UTC'), every: 'often', missesToAlarm: '2.5' })).toEqual({
      serviceId: 'Choose the service the job belongs to', name: 'Enter a name, e.g. nightly-backup', intervalSeconds: 'Enter how often the job runs', missesToAlarm: 'Enter a whole number',
    })
    expect(Object.keys(heartbeatDraftErrors({ ...emptyHeartbeatDraft('s1', ''), name: 'x', scheduleKind: 'cron', cron: ' ' }))).toEqual(['cron', 'timeZone'])
  })

  it('puts the API’s bounds in seconds into words', () => {
    expect(secondsInWords('must be a whole number from 60 to 31536000')).toBe('must be a whole number of seconds from 1 min to 365 d')
    expect(secondsInWords('required')).toBe('required')
  })

  it('picks the largest whole unit for an interval', () => {
    expect(splitInterval(86_400 * 2)).toEqual({ every: '2', unit: 'days' })
    expect(splitInterval(5400)).toEqual({ every: '90', unit: 'minutes' })
  })
})

describe('heartbeat wording', () => {
  it('says when it pages', () => {
    expect(describeSchedule({ kind: 'interval', intervalSeconds: 300 })).toBe('every 5 min')
    expect(describeSchedule(heartbeat.spec.schedule)).toBe('cron 0 2 * * * (Europe/Berlin)')
    expect(missesText(3)).toBe('3 misses in a row page')
    expect(missesText(1)).toBe('1 miss pages')
    expect(silenceBeforePage({ schedule: { kind: 'interval', intervalSeconds: 3600 }, graceSeconds: 300, missesToAlarm: 3 })).toBe((3 * 3600 + 300) * 1000)
    expect(silenceBeforePage(heartbeat.spec)).toBeNull()
    expect(failModeText({ failMode: 'after_n', missesToAlarm: 2 })).toBe('2 /fail in a row page')
  })

  it('gives copy-paste lines for success, start and failure', () => {
    expect(pingCommands('https://t.example/ping/tok').map((c) => c.command)).toEqual([
      'curl -fsS --retry 3 https://t.example/ping/tok',
      'curl -fsS --retry 3 https://t.example/ping/tok/start',
      'curl -fsS --retry 3 --data-binary @job.log https://t.example/ping/tok/fail',
    ])
  })
})
