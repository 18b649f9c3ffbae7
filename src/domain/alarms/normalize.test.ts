import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { normalizeAlarm, type AlarmInput } from './normalize.js'

function fieldErrors(input: AlarmInput): string[] {
  try {
    normalizeAlarm(input)
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    return (err as AppError).fields.map((f) => `${f.field}: ${f.reason}`)
  }
  throw new Error('expected a validation error')
}

const valid: AlarmInput = { metric: 'http_request_duration_p99', comparison: '>', threshold: 800 }

describe('normalizeAlarm', () => {
  it('fills CloudWatch defaults: M = N, missing data treated as missing', () => {
    expect(normalizeAlarm({ ...valid, selector: { service: 'api' }, evaluationPeriods: 5 })).toEqual({
      metric: 'http_request_duration_p99',
      selector: { service: 'api' },
      statistic: 'avg',
      periodSeconds: 60,
      comparison: '>',
      threshold: 800,
      recoveryThreshold: null,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: 'missing',
    })
  })

  it.each<[string, AlarmInput, string]>([
    ['no metric', { ...valid, metric: ' ' }, 'metric: required'],
    ['a metric with spaces', { ...valid, metric: 'http latency' }, 'metric: must be a metric name'],
    ['a bad label name', { ...valid, selector: { '1abc': 'x' } }, 'selector.1abc: label names are'],
    ['a non-string label value', { ...valid, selector: { env: 3 } }, 'selector.env: must be a string'],
    ['an unknown statistic', { ...valid, statistic: 'median' }, 'statistic: must be one of avg, min, max'],
    ['no comparison', { ...valid, comparison: undefined }, 'comparison: must be one of >, >=, <, <='],
    ['no threshold', { ...valid, threshold: undefined }, 'threshold: required'],
    ['a 90-second period', { ...valid, periodSeconds: 90 }, 'periodSeconds: must be a whole number of minutes'],
    ['M > N', { ...valid, evaluationPeriods: 3, datapointsToAlarm: 4 }, 'datapointsToAlarm: must be a whole number from 1 to 3'],
    ['N × period over a day', { ...valid, periodSeconds: 3600, evaluationPeriods: 25 }, 'evaluationPeriods: evaluationPeriods × periodSeconds may not exceed one day'],
    ['a recovery above a ">" threshold', { ...valid, recoveryThreshold: 900 }, 'recoveryThreshold: must be below the threshold'],
    ['a recovery below a "<" threshold', { ...valid, comparison: '<', recoveryThreshold: 700 }, 'recoveryThreshold: must be above the threshold'],
    ['an unknown missing-data policy', { ...valid, treatMissingData: 'zero' }, 'treatMissingData: must be one of missing, breaching, notBreaching, ignore'],
  ])('rejects %s', (_name, input, expected) => {
    expect(fieldErrors(input).join('\n')).toContain(expected)
  })
})
