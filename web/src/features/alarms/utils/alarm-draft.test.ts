import { describe, expect, it } from 'vitest'
import type { Alarm } from '../../../types/api'
import { alarmDraftErrors, alarmDraftToInput, draftFromAlarm, emptyAlarmDraft, parseSelector } from './alarm-draft'
import { describeAlarm, explainMofN } from './describe-alarm'

const alarm: Alarm = {
  id: 'a1', serviceId: 's1', name: 'pay p99', kind: 'threshold',
  definition: {
    kind: 'threshold',
    threshold: { metric: 'http_p99_ms', selector: { route: '/pay' }, statistic: 'p99', periodSeconds: 300, comparison: '>', threshold: 800, recoveryThreshold: 600, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: 'notBreaching' },
    slo: null, severity: 'critical', okPeriodsToResolve: 2, flap: { low: 25, high: 50 },
  },
  state: 'OK', stateReason: '', stateChangedAt: '', flapping: false, percentStateChange: 0, alert: null, ticket: null,
  budgetRemaining: null, burnRates: null, evaluation: null, nextCheckAt: '', createdAt: '', updatedAt: '',
}

describe('alarm drafts', () => {
  it('round-trips a threshold alarm through the form', () => {
    expect(alarmDraftToInput(draftFromAlarm(alarm))).toEqual({
      kind: 'threshold', name: 'pay p99', severity: 'critical', okPeriodsToResolve: 2, metric: 'http_p99_ms', selector: { route: '/pay' }, statistic: 'p99',
      periodSeconds: 300, comparison: '>', threshold: 800, recoveryThreshold: 600, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: 'notBreaching',
    })
    expect(describeAlarm(alarm.definition)).toBe('p99 of http_p99_ms{route="/pay"} > 800 in 3 of 5 periods of 5 min')
  })

  it('sends an SLO target as a fraction', () => {
    const draft = { ...emptyAlarmDraft('s1'), kind: 'slo' as const, name: 'availability', goodMetric: 'ok', totalMetric: 'all', totalSelector: 'svc=checkout', targetPercent: '99.9' }
    expect(alarmDraftErrors(draft)).toEqual({})
    expect(alarmDraftToInput(draft)).toEqual({
      kind: 'slo', name: 'availability', severity: 'critical', okPeriodsToResolve: 2,
      good: { metric: 'ok', selector: {} }, total: { metric: 'all', selector: { svc: 'checkout' } }, target: 0.999, periodDays: 30,
    })
  })

  it('names what cannot be sent by the API field', () => {
    expect(alarmDraftErrors({ ...emptyAlarmDraft('s1'), name: 'x', metric: 'm', selector: 'route', threshold: 'high', evaluationPeriods: '3', datapointsToAlarm: '4' })).toEqual({
      selector: '“route” is not name=value', threshold: 'Enter a number', datapointsToAlarm: 'M cannot exceed N',
    })
    expect(parseSelector(' a=1 , b = x=y ,')).toEqual({ selector: { a: '1', b: 'x=y' } })
  })

  it('explains M of N', () => {
    expect(explainMofN(2, 3, 60)).toBe('ALARM when 2 of the last 3 periods of 1 min breach: a lone breaching period never pages, while a problem that flickers (breaching 2 times in 3 min) still does; the soonest it pages is after 2 min.')
    expect(explainMofN(3, 5, 60)).toMatch(/: up to 2 breaching periods never page, while/)
    expect(explainMofN(3, 3, 300)).toBe('ALARM when 3 of the last 3 periods of 5 min breach: all 3 must breach, so a problem shorter than 15 min never pages; a sustained one pages after 15 min.')
    expect(explainMofN(1, 1, 60)).toMatch(/any single breaching period pages/)
    expect(explainMofN(4, 3, 60)).toBe('M must be a whole number from 1 to N.')
  })
})
