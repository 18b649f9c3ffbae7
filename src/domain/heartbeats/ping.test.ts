import { describe, expect, it } from 'vitest'
import type { HeartbeatState } from './model.js'
import { lastFinishAt, lastRunDurationMs, recordPing, resolvesAlert } from './ping.js'

const fresh: HeartbeatState = { lastPingAt: null, lastStartAt: null, lastFailAt: null, consecutiveFails: 0, createdAt: 0 }

describe('recordPing', () => {
  it('counts failures in a row and resets them on success', () => {
    const twice = recordPing(recordPing(fresh, 'fail', 10), 'fail', 20)
    expect(twice).toMatchObject({ lastFailAt: 20, consecutiveFails: 2 })
    expect(recordPing(twice, 'success', 30)).toMatchObject({ lastPingAt: 30, consecutiveFails: 0, lastFailAt: 20 })
  })

  it('records starts without touching the outcome', () => {
    expect(recordPing(fresh, 'start', 5)).toEqual({ ...fresh, lastStartAt: 5 })
  })

  it('never moves a time backwards when pings arrive out of order', () => {
    expect(recordPing(recordPing(fresh, 'success', 50), 'success', 40).lastPingAt).toBe(50)
  })

  it('does not mutate its input', () => {
    const state = { ...fresh }
    recordPing(state, 'fail', 1)
    expect(state).toEqual(fresh)
  })
})

describe('run bookkeeping', () => {
  it('the last finish is the later of success and failure', () => {
    expect(lastFinishAt(fresh)).toBeNull()
    expect(lastFinishAt({ ...fresh, lastPingAt: 10, lastFailAt: 20 })).toBe(20)
  })

  it('measures the last run from its start to its finish', () => {
    const run = recordPing(recordPing(fresh, 'start', 100), 'success', 160)
    expect(lastRunDurationMs(run)).toBe(60)
    expect(lastRunDurationMs(recordPing(run, 'start', 200))).toBeNull() // a new run is in progress
  })

  it('an alert resolves only on a success after it opened', () => {
    expect(resolvesAlert({ ...fresh, lastPingAt: 10 }, 20)).toBe(false)
    expect(resolvesAlert({ ...fresh, lastPingAt: 30 }, 20)).toBe(true)
    expect(resolvesAlert({ ...fresh, lastPingAt: 30, consecutiveFails: 1 }, 20)).toBe(false)
  })
})
