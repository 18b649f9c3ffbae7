import { describe, expect, it } from 'vitest'
import { HOUR_MS, MINUTE_MS } from '../../lib/time/index.js'
import { doraMetrics } from './dora.js'

const deploys = (n: number, opts: { rolledBack?: number[]; outside?: number[] } = {}) =>
  Array.from({ length: n }, (_, i) => ({ at: (i + 1) * HOUR_MS, rolledBack: opts.rolledBack?.includes(i + 1) ?? false, insideWindow: !(opts.outside?.includes(i + 1) ?? false) }))

describe('doraMetrics', () => {
  it('computes a high performer from records', () => {
    const result = doraMetrics({
      deploys: deploys(20, { rolledBack: [3, 7], outside: [1, 2, 3, 4, 5] }),
      failures: [
        // Detected 10 min after deploy 7, restored 30 min after detection.
        { deployAt: 7 * HOUR_MS, detectedAt: 7 * HOUR_MS + 10 * MINUTE_MS, restoredAt: 7 * HOUR_MS + 40 * MINUTE_MS },
        // No detection time: measured from the deploy (90 min), an overestimate.
        { deployAt: 12 * HOUR_MS, restoredAt: 12 * HOUR_MS + 90 * MINUTE_MS },
      ],
      rangeDays: 28,
    })
    expect(result).toEqual({
      deploymentsPerWeek: 5,
      changeFailureRate: 0.15,
      medianTimeToRestoreMinutes: 60,
      shareInsideWindows: 0.75,
      rollbackShareOfFailures: 2 / 3,
      // Exactly 60 min is not "under an hour".
      bands: { deploymentFrequency: 'high', changeFailureRate: 'high', timeToRestore: 'high' },
    })
  })

  it('bands an elite performer', () => {
    const result = doraMetrics({ deploys: deploys(40), failures: [{ deployAt: HOUR_MS, restoredAt: HOUR_MS + 45 * MINUTE_MS }], rangeDays: 28 })
    expect(result.changeFailureRate).toBe(0.025)
    expect(result.bands).toEqual({ deploymentFrequency: 'elite', changeFailureRate: 'elite', timeToRestore: 'elite' })
  })

  it('bands below high', () => {
    const result = doraMetrics({ deploys: deploys(2, { rolledBack: [1] }), failures: [{ deployAt: HOUR_MS, restoredAt: HOUR_MS + 2 * 24 * HOUR_MS }], rangeDays: 30 })
    expect(result.bands).toEqual({ deploymentFrequency: 'below-high', changeFailureRate: 'below-high', timeToRestore: 'below-high' })
  })

  it('reports no rates without deploys', () => {
    expect(doraMetrics({ deploys: [], failures: [], rangeDays: 7 })).toEqual({
      deploymentsPerWeek: 0,
      changeFailureRate: null,
      medianTimeToRestoreMinutes: null,
      shareInsideWindows: null,
      rollbackShareOfFailures: null,
      bands: { deploymentFrequency: 'below-high', changeFailureRate: null, timeToRestore: null },
    })
  })
})
