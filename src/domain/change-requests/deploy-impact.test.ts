import { describe, expect, it } from 'vitest'
import { HOUR_MS, MINUTE_MS, parseInstant, type Instant } from '../../lib/time/index.js'
import { deployImpactDistribution, type AlertRecord, type DeployRecord } from './deploy-impact.js'

const T0 = parseInstant('2026-11-02T08:00:00Z') as Instant
const day = (n: number) => T0 + n * 24 * HOUR_MS
const min = (n: number) => n * MINUTE_MS

// web depends on api, api on db: an alert on web can come from an api or a db deploy.
const DEPENDENTS: Record<string, string[]> = { db: ['api', 'web'], api: ['web'], web: [] }
const dependentsOf = (id: string) => DEPENDENTS[id] ?? []

const deploy = (id: string, serviceId: string, at: Instant): DeployRecord => ({ id, serviceId, at })
const alert = (serviceId: string, at: Instant, urgency: 'high' | 'low' = 'high'): AlertRecord => ({ serviceId, at, urgency })

const DEPLOYS = [
  deploy('d1', 'api', day(0)),
  deploy('d2', 'api', day(1)),
  deploy('d3', 'web', day(2)),
  deploy('d4', 'web', day(3)),
  deploy('d5', 'db', day(4)),
  deploy('d6', 'api', day(5)),
  deploy('d7', 'api', day(6)),
  deploy('d8', 'web', day(7)),
  deploy('d9', 'web', day(8)),
  deploy('d10', 'db', day(9)),
  deploy('d11', 'api', day(10)),
  deploy('d12', 'api', day(13)),
  deploy('d13', 'web', day(16)),
]

const ALERTS = [
  alert('web', day(0) + min(20)), // d1, through its dependent web
  alert('api', day(1) + min(50)), // d2
  alert('web', day(2) + min(120)), // d3
  alert('web', day(3) + min(150)), // d4
  alert('api', day(4) + min(70)), // d5, through api
  alert('api', day(5) + min(240)), // d6; d7 gets nothing within 48 h
  alert('web', day(7) + min(10), 'low'), // d8: low urgency, not counted by default
  alert('web', day(7) + 30 * HOUR_MS), // after d9: blamed on d9 (6 h), not d8
  alert('web', day(9) + min(300)), // d10, two hops away
  alert('api', day(10) + 26 * HOUR_MS), // d11, late but within 48 h
  alert('api', day(13) + 50 * HOUR_MS), // d12: outside the 48 h window
  alert('web', day(16)), // d13, at the deploy instant
  alert('search', day(2) + min(5)), // unrelated service
]

describe('deployImpactDistribution', () => {
  it('finds each deploy’s first related alert, the distribution and the tail covering 90%', () => {
    const result = deployImpactDistribution(DEPLOYS, ALERTS, dependentsOf)
    expect(result.perDeploy).toEqual([
      { deployId: 'd1', firstAlertAfterMs: min(20) },
      { deployId: 'd2', firstAlertAfterMs: min(50) },
      { deployId: 'd3', firstAlertAfterMs: min(120) },
      { deployId: 'd4', firstAlertAfterMs: min(150) },
      { deployId: 'd5', firstAlertAfterMs: min(70) },
      { deployId: 'd6', firstAlertAfterMs: min(240) },
      { deployId: 'd7', firstAlertAfterMs: null },
      { deployId: 'd8', firstAlertAfterMs: null },
      { deployId: 'd9', firstAlertAfterMs: min(360) },
      { deployId: 'd10', firstAlertAfterMs: min(300) },
      { deployId: 'd11', firstAlertAfterMs: min(1560) },
      { deployId: 'd12', firstAlertAfterMs: null },
      { deployId: 'd13', firstAlertAfterMs: 0 },
    ])
    // Delays in minutes: 0 20 50 | 70 120 150 | 240 300 360 | 1560.
    expect(result.buckets).toEqual({ within1h: 0.3, within3h: 0.6, within6h: 0.9, within24h: 0.9, total: 10 })
    // Nearest-rank 90th percentile of ten delays is the 9th: 360 min. Here 3 h would cover only 60%.
    expect(result.suggestedTailMinutes).toBe(360)
  })

  it('suggests no tail below the minimum sample size', () => {
    const result = deployImpactDistribution(DEPLOYS.slice(0, 12), ALERTS, dependentsOf)
    expect(result.buckets.total).toBe(9)
    expect(result.suggestedTailMinutes).toBeNull()
    expect(deployImpactDistribution(DEPLOYS.slice(0, 12), ALERTS, dependentsOf, { minSamples: 9 }).suggestedTailMinutes).toBe(1560)
  })

  it('counts low-urgency alerts when asked', () => {
    const result = deployImpactDistribution(DEPLOYS, ALERTS, dependentsOf, { includeLowUrgency: true })
    expect(result.perDeploy[7]).toEqual({ deployId: 'd8', firstAlertAfterMs: min(10) })
  })

  it('rounds the suggestion up to 15 minutes and is empty without data', () => {
    const deploys = Array.from({ length: 10 }, (_, i) => deploy(`x${i}`, 'api', day(i)))
    const alerts = deploys.map((d) => alert('api', d.at + min(61)))
    expect(deployImpactDistribution(deploys, alerts, dependentsOf).suggestedTailMinutes).toBe(75)
    expect(deployImpactDistribution([], [], dependentsOf)).toEqual({
      perDeploy: [],
      buckets: { within1h: 0, within3h: 0, within6h: 0, within24h: 0, total: 0 },
      suggestedTailMinutes: null,
    })
  })
})
