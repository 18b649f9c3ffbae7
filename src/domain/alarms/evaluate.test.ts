import { describe, expect, it } from 'vitest'
import { evaluateAlarm } from './evaluate.js'
import type { AlarmState, MissingDataPolicy, ThresholdAlarm } from './model.js'
import { normalizeAlarm } from './normalize.js'

/** Parses CloudWatch's notation, most recent on the right: 0 = good, X = breaching, - = missing. */
const range = (points: string): (number | null)[] =>
  points.split(' ').map((p) => (p === '-' ? null : p === 'X' ? 100 : 10))

const alarm = (m: number, n: number, treatMissingData: MissingDataPolicy): ThresholdAlarm =>
  normalizeAlarm({ metric: 'errors', comparison: '>', threshold: 50, evaluationPeriods: n, datapointsToAlarm: m, treatMissingData })

type Expected = AlarmState | 'retain'
const POLICIES: readonly MissingDataPolicy[] = ['missing', 'ignore', 'breaching', 'notBreaching']

/** Checks one row of CloudWatch's example tables under all four treatments and both prior states. */
function checkRow(m: number, n: number, points: string, expected: readonly Expected[]): void {
  POLICIES.forEach((policy, i) => {
    for (const current of ['OK', 'ALARM'] as const) {
      const want = expected[i] === 'retain' ? current : expected[i]
      expect(evaluateAlarm(alarm(m, n, policy), range(points), current).state, `${points} ${policy} from ${current}`).toBe(want)
    }
  })
}

// AlarmThatSendsEmail.md, "How alarm state is evaluated when data is missing": evaluation range 5.
describe('CloudWatch table 1: Datapoints to Alarm 3 of Evaluation Periods 3', () => {
  it.each<[string, Expected[]]>([
    ['0 - X - X', ['OK', 'OK', 'OK', 'OK']],
    ['0 - - - -', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - -', ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']],
    ['0 X X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['- - X - -', ['ALARM', 'retain', 'ALARM', 'OK']],
  ])('%s → missing / ignore / breaching / notBreaching = %j', (points, expected) => checkRow(3, 3, points, expected))

  it('does not go to ALARM prematurely on "- - - - X" or "- - - X -"', () => {
    expect(evaluateAlarm(alarm(3, 3, 'missing'), range('- - - - X'), 'OK').state).toBe('OK')
    expect(evaluateAlarm(alarm(3, 3, 'missing'), range('- - - X -'), 'OK').state).toBe('OK')
  })
})

describe('CloudWatch table 2: Datapoints to Alarm 2 of Evaluation Periods 3', () => {
  it.each<[string, Expected[]]>([
    ['0 - X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 0 X 0 X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 - X - -', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - - 0', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - X -', ['ALARM', 'retain', 'ALARM', 'OK']],
  ])('%s → missing / ignore / breaching / notBreaching = %j', (points, expected) => checkRow(2, 3, points, expected))
})

describe('M out of N', () => {
  it('needs M breaching datapoints, not necessarily consecutive', () => {
    const threeOfFive = alarm(3, 5, 'missing')
    expect(evaluateAlarm(threeOfFive, range('X 0 X 0 X'), 'OK')).toMatchObject({ state: 'ALARM', breaching: 3, evaluated: 5 })
    expect(evaluateAlarm(threeOfFive, range('X 0 X 0 0'), 'OK')).toMatchObject({ state: 'OK', breaching: 2, evaluated: 5 })
  })

  it('bridges a gap with older real data instead of filling it', () => {
    const r = evaluateAlarm(alarm(3, 3, 'breaching'), range('0 X X - X'), 'OK')
    expect(r).toMatchObject({ state: 'ALARM', breaching: 3 })
    expect(r.reason).toBe('3 of 3 datapoints > 50; alarms at 3')
  })

  it('says which datapoints were filled in', () => {
    expect(evaluateAlarm(alarm(2, 3, 'breaching'), range('- - - - 0'), 'OK').reason).toContain('1 real, 2 missing treated as breaching')
  })

  it('treats too few buckets as missing periods', () => {
    expect(evaluateAlarm(alarm(3, 3, 'missing'), [], 'ALARM')).toMatchObject({ state: 'INSUFFICIENT_DATA', evaluated: 0 })
  })
})

describe('recovery threshold (Datadog-style hysteresis)', () => {
  const cpu = normalizeAlarm({ metric: 'cpu', comparison: '>', threshold: 90, recoveryThreshold: 80, evaluationPeriods: 3 })

  it('enters ALARM on the threshold', () => {
    expect(evaluateAlarm(cpu, [85, 85, 85], 'OK').state).toBe('OK')
    expect(evaluateAlarm(cpu, [95, 95, 95], 'OK').state).toBe('ALARM')
  })

  it('stays in ALARM until the metric crosses the recovery threshold', () => {
    const stay = evaluateAlarm(cpu, [85, 85, 85], 'ALARM')
    expect(stay.state).toBe('ALARM')
    expect(stay.reason).toContain('> 80 (recovery threshold)')
    expect(evaluateAlarm(cpu, [85, 79, 79], 'ALARM').state).toBe('OK')
  })

  it('works for "below" alarms too', () => {
    const free = normalizeAlarm({ metric: 'disk_free', comparison: '<', threshold: 10, recoveryThreshold: 20, evaluationPeriods: 1 })
    expect(evaluateAlarm(free, [15], 'ALARM').state).toBe('ALARM')
    expect(evaluateAlarm(free, [25], 'ALARM').state).toBe('OK')
  })
})

describe('comparisons', () => {
  it.each([
    ['>', 50, false],
    ['>=', 50, true],
    ['<', 50, false],
    ['<=', 50, true],
  ] as const)('%s %d at the boundary breaches: %s', (comparison, threshold, expected) => {
    const a = normalizeAlarm({ metric: 'm', comparison, threshold, evaluationPeriods: 1 })
    expect(evaluateAlarm(a, [50], 'OK').state).toBe(expected ? 'ALARM' : 'OK')
  })
})
