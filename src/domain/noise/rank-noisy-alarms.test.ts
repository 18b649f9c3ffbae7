import { describe, expect, it } from 'vitest'
import { rankNoisyAlarms, type AlertRecord } from './rank-noisy-alarms.js'

const MIN = 60_000
const T = Date.UTC(2024, 2, 1)
const range = { from: T, to: T + 30 * 24 * 60 * MIN }

let seq = 0
function alert(key: string, extra: Partial<AlertRecord> = {}): AlertRecord {
  const createdAt = T + ++seq * 60 * MIN
  return {
    key,
    serviceId: 'svc-api',
    createdAt,
    resolvedAt: createdAt + 30 * MIN,
    acknowledgedAt: createdAt + 2 * MIN,
    outcome: null,
    paged: true,
    autoResolved: false,
    ...extra,
  }
}

const flapping = (n: number): AlertRecord[] =>
  Array.from({ length: n }, () => {
    const a = alert('api:cpu-high', { acknowledgedAt: null, autoResolved: true })
    return { ...a, resolvedAt: a.createdAt + 3 * MIN }
  })

describe('rankNoisyAlarms', () => {
  const alerts = [
    ...flapping(12), // pages a lot, clears itself in 3 minutes
    ...Array.from({ length: 6 }, () => alert('api:disk-warn', { outcome: 'noise' })),
    ...Array.from({ length: 10 }, () => alert('api:5xx-rate', { outcome: 'actionable' })),
    ...Array.from({ length: 4 }, () => alert('api:queue-depth')), // unmarked, needed a human
    alert('api:backup-late', { paged: false, outcome: 'noise' }),
    alert('api:old', { createdAt: T - 1 }), // outside the range
  ]
  const ranked = rankNoisyAlarms(alerts, range)

  it('puts alarms that page a lot and clear by themselves at the top, actionable ones at the bottom', () => {
    expect(ranked.map((r) => [r.key, r.score])).toEqual([
      ['api:cpu-high', 12],
      ['api:disk-warn', 6],
      ['api:queue-depth', 2],
      ['api:backup-late', 0.2],
      ['api:5xx-rate', 0],
    ])
  })

  it('reports counts and shares', () => {
    const cpu = ranked[0]!
    expect(cpu).toMatchObject({ alerts: 12, pages: 12, unmarked: 12, selfResolvedWithinMinutes: 12, noiseShare: null, actionableShare: null })
    expect(ranked.find((r) => r.key === 'api:disk-warn')).toMatchObject({ noiseShare: 1, actionableShare: 0, unmarked: 0 })
  })

  it('suggests a fix that fits each alarm', () => {
    const suggestion = (key: string) => ranked.find((r) => r.key === key)!.suggestion
    expect(suggestion('api:cpu-high')).toContain('require the condition to persist')
    expect(suggestion('api:disk-warn')).toContain('raise the threshold')
    expect(suggestion('api:queue-depth')).toContain('have no outcome')
    expect(suggestion('api:5xx-rate')).toContain('Actionable: keep it')
  })

  it('does not count a quick resolution as self-resolved when a person acknowledged or closed it', () => {
    const acked = alert('k', { autoResolved: true })
    const closedByHand = { ...alert('k', { acknowledgedAt: null }), autoResolved: false }
    const [line] = rankNoisyAlarms([{ ...acked, resolvedAt: acked.createdAt + MIN }, { ...closedByHand, resolvedAt: closedByHand.createdAt + MIN }], range)
    expect(line!.selfResolvedWithinMinutes).toBe(0)
  })

  it('keeps the same key on different services apart', () => {
    const lines = rankNoisyAlarms([alert('cpu'), alert('cpu', { serviceId: 'svc-db' })], range)
    expect(lines.map((l) => l.serviceId).sort()).toEqual(['svc-api', 'svc-db'])
  })
})
