import { describe, expect, it } from 'vitest'
import { formatShare, noiseKind, noiseTarget } from './noise-format'

describe('noise report wording', () => {
  it('formats shares and links each line to what caused it', () => {
    expect([null, 0, 2 / 3, 1].map(formatShare)).toEqual(['not marked', '0%', '67%', '100%'])
    expect(noiseTarget({ alarmId: 'a1', heartbeatId: null, lastAlertId: 'x' })).toBe('/alarms/a1')
    expect(noiseTarget({ alarmId: null, heartbeatId: 'h1', lastAlertId: 'x' })).toBe('/alarms/heartbeats/h1')
    expect(noiseTarget({ alarmId: null, heartbeatId: null, lastAlertId: 'x' })).toBe('/alerts/x')
    expect(['alarm:1', 'heartbeat:2', 'class:disk', 'dedup:cpu'].map(noiseKind)).toEqual(['alarm', 'heartbeat', 'alert class', 'dedup key'])
  })
})
