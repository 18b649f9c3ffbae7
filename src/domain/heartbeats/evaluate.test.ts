import { describe, expect, it } from 'vitest'
import { evaluateHeartbeat } from './evaluate.js'
import type { HeartbeatSpec, HeartbeatState } from './model.js'
import { normalizeHeartbeat } from './normalize.js'
import { recordPing, resolvesAlert } from './ping.js'
import { expectedDeadlines } from './schedule.js'

const MIN = 60_000
const HOUR = 60 * MIN
const T0 = Date.UTC(2024, 0, 10, 12, 0)
const LONG_AGO = Date.UTC(2000, 0, 1) // Tend has been up all along: no restart in play

// Every 5 minutes, 1 minute grace, 3 misses in a row to alarm.
const fiveMinutes: HeartbeatSpec = normalizeHeartbeat({ intervalSeconds: 300, graceSeconds: 60, missesToAlarm: 3 })

function pinged(at: number): HeartbeatState {
  return { lastPingAt: at, lastStartAt: null, lastFailAt: null, consecutiveFails: 0, createdAt: at - HOUR }
}

const evaluate = (state: HeartbeatState, now: number, spec = fiveMinutes, observingSince = LONG_AGO) =>
  evaluateHeartbeat(spec, state, now, observingSince)

describe('N consecutive misses, not one', () => {
  const state = pinged(T0)

  it('is up until the next ping is due', () => {
    const r = evaluate(state, T0 + MIN)
    expect(r).toMatchObject({ status: 'up', missed: 0, alarm: false, nextCheckAt: T0 + 5 * MIN })
  })

  it('is late, not missed, inside the grace period', () => {
    const r = evaluate(state, T0 + 5 * MIN + 59_999)
    expect(r).toMatchObject({ status: 'late', missed: 0, alarm: false, nextCheckAt: T0 + 6 * MIN })
  })

  it('does not alarm after one or two misses', () => {
    expect(evaluate(state, T0 + 6 * MIN)).toMatchObject({ status: 'late', missed: 1, alarm: false, nextCheckAt: T0 + 11 * MIN })
    expect(evaluate(state, T0 + 11 * MIN)).toMatchObject({ status: 'late', missed: 2, alarm: false, nextCheckAt: T0 + 16 * MIN })
    expect(evaluate(state, T0 + 16 * MIN - 1)).toMatchObject({ missed: 2, alarm: false })
  })

  it('alarms on the third miss in a row', () => {
    const r = evaluate(state, T0 + 16 * MIN)
    expect(r).toMatchObject({ status: 'down', missed: 3, alarm: true })
    expect(r.reason).toContain('missed 3 expected pings in a row (alarms at 3)')
  })

  it('resolves on the next successful ping', () => {
    const openedAt = T0 + 16 * MIN
    const after = recordPing(state, 'success', T0 + 20 * MIN)
    expect(evaluate(after, T0 + 20 * MIN)).toMatchObject({ status: 'up', missed: 0, alarm: false, nextCheckAt: T0 + 25 * MIN })
    expect(resolvesAlert(after, openedAt)).toBe(true)
    expect(resolvesAlert(state, openedAt)).toBe(false)
  })

  it('alarms on the first miss when N = 1', () => {
    const spec = normalizeHeartbeat({ intervalSeconds: 300, graceSeconds: 60, missesToAlarm: 1 })
    expect(evaluate(state, T0 + 6 * MIN, spec)).toMatchObject({ status: 'down', missed: 1, alarm: true })
  })

  it('stops counting at 100 misses', () => {
    expect(evaluate(state, T0 + 365 * 24 * HOUR).missed).toBe(100)
  })
})

describe('a new heartbeat', () => {
  const fresh: HeartbeatState = { lastPingAt: null, lastStartAt: null, lastFailAt: null, consecutiveFails: 0, createdAt: T0 }

  it('waits for its first ping one interval after creation', () => {
    expect(evaluate(fresh, T0 + MIN)).toMatchObject({ status: 'new', alarm: false, nextCheckAt: T0 + 5 * MIN })
  })

  it('alarms if the job never reports: a dead man\'s switch must catch a job that never started', () => {
    const r = evaluate(fresh, T0 + 16 * MIN)
    expect(r).toMatchObject({ status: 'down', missed: 3, alarm: true })
    expect(r.reason).toContain('last ping never')
  })
})

describe('restart rule: a restart of Tend never causes a false alarm for the time it was down', () => {
  // The job's last ping reached Tend at T0; Tend was down from T0 + 1 min until T0 + 10 h.
  const state = pinged(T0)
  const restartedAt = T0 + 10 * HOUR

  it('without the rule, the downtime would look like 100 misses', () => {
    expect(evaluate(state, restartedAt, fiveMinutes, LONG_AGO)).toMatchObject({ status: 'down', alarm: true })
  })

  it('does not alarm on the first evaluation after the restart', () => {
    const r = evaluate(state, restartedAt, fiveMinutes, restartedAt)
    expect(r).toMatchObject({ status: 'late', missed: 0, alarm: false })
    expect(r.reason).toContain('are not counted')
    // The first ping that can count is due after the restart: 10:05, missed at 10:06.
    expect(r.nextCheckAt).toBe(restartedAt + 6 * MIN)
  })

  it('gives a fresh grace period: nothing counts before observingSince + grace', () => {
    expect(evaluate(state, restartedAt + 60_000 - 1, fiveMinutes, restartedAt).missed).toBe(0)
  })

  it('a healthy job that pings after the restart is simply up', () => {
    const after = recordPing(state, 'success', restartedAt + 2 * MIN)
    expect(evaluate(after, restartedAt + 3 * MIN, fiveMinutes, restartedAt)).toMatchObject({ status: 'up', alarm: false })
  })

  it('a job that is really dead still alarms, N intervals after the restart', () => {
    expect(evaluate(state, restartedAt + 6 * MIN, fiveMinutes, restartedAt)).toMatchObject({ missed: 1, alarm: false })
    expect(evaluate(state, restartedAt + 16 * MIN - 1, fiveMinutes, restartedAt)).toMatchObject({ missed: 2, alarm: false })
    expect(evaluate(state, restartedAt + 16 * MIN, fiveMinutes, restartedAt)).toMatchObject({ status: 'down', missed: 3, alarm: true })
  })

  it('also holds for cron schedules', () => {
    const nightly = normalizeHeartbeat({ cron: '0 2 * * *', timeZone: 'UTC', graceSeconds: 600, missesToAlarm: 1 })
    const last = Date.UTC(2024, 0, 1, 2, 1)
    const restart = Date.UTC(2024, 0, 5, 12, 0)
    expect(evaluate(pinged(last), restart, nightly, restart)).toMatchObject({ status: 'late', missed: 0, alarm: false })
    expect(evaluate(pinged(last), Date.UTC(2024, 0, 6, 2, 10), nightly, restart)).toMatchObject({ status: 'down', missed: 1 })
  })
})

describe('cron "0 2 * * *" in America/New_York across DST', () => {
  const nightly = normalizeHeartbeat({ cron: '0 2 * * *', timeZone: 'America/New_York', graceSeconds: 1800, missesToAlarm: 1 })

  it('expects the spring-forward run at 03:00 EDT and the fall-back run once, at 02:00 EST', () => {
    const spring = expectedDeadlines(nightly, Date.UTC(2023, 2, 10, 12), Date.UTC(2023, 2, 14, 12)).map((p) => new Date(p.expectedAt).toISOString())
    expect(spring).toEqual(['2023-03-11T07:00:00.000Z', '2023-03-12T07:00:00.000Z', '2023-03-13T06:00:00.000Z', '2023-03-14T06:00:00.000Z'])
    const fall = expectedDeadlines(nightly, Date.UTC(2023, 10, 4, 0), Date.UTC(2023, 10, 6, 12))
    expect(fall.map((p) => new Date(p.deadline).toISOString())).toEqual([
      '2023-11-04T06:30:00.000Z',
      '2023-11-05T07:30:00.000Z',
      '2023-11-06T07:30:00.000Z',
    ])
  })

  it.each([
    ['spring', Date.UTC(2023, 2, 8, 12), Date.UTC(2023, 2, 16, 12)],
    ['fall', Date.UTC(2023, 10, 1, 12), Date.UTC(2023, 10, 9, 12)],
  ])('a job that runs on time every night never misses (%s)', (_season, from, to) => {
    let state = pinged(from)
    for (const { expectedAt } of expectedDeadlines(nightly, from, to)) {
      expect(evaluate(state, expectedAt - MIN, nightly)).toMatchObject({ status: 'up', missed: 0 })
      state = recordPing(state, 'success', expectedAt + 3 * MIN)
      expect(evaluate(state, expectedAt + 3 * MIN, nightly)).toMatchObject({ status: 'up', missed: 0 })
    }
  })

  it('catches the run skipped on the spring-forward night, at 03:30 EDT', () => {
    const lastRun = Date.UTC(2023, 2, 11, 7, 2) // 02:02 EST on the 11th
    expect(evaluate(pinged(lastRun), Date.UTC(2023, 2, 12, 7, 29), nightly)).toMatchObject({ status: 'late', missed: 0 })
    expect(evaluate(pinged(lastRun), Date.UTC(2023, 2, 12, 7, 30), nightly)).toMatchObject({ status: 'down', missed: 1, alarm: true })
  })

  it('accepts a ping up to a minute early (host clock drift) as that night\'s run', () => {
    const early = Date.UTC(2024, 0, 10, 6, 59, 30) // 01:59:30 EST, 30 s before the 02:00 run
    expect(evaluate(pinged(early), Date.UTC(2024, 0, 10, 12), nightly)).toMatchObject({ status: 'up', missed: 0 })
  })
})

describe('/fail pings', () => {
  const base = pinged(T0)

  it('immediate: one failure alarms, the next success clears it', () => {
    const failed = recordPing(base, 'fail', T0 + 5 * MIN)
    const r = evaluate(failed, T0 + 5 * MIN)
    expect(r).toMatchObject({ status: 'failing', alarm: true })
    expect(r.reason).toContain('reported failure')
    expect(evaluate(recordPing(failed, 'success', T0 + 10 * MIN), T0 + 10 * MIN)).toMatchObject({ status: 'up', alarm: false })
  })

  it('after_n: N failures in a row alarm, fewer do not', () => {
    const spec = normalizeHeartbeat({ intervalSeconds: 300, graceSeconds: 60, missesToAlarm: 3, failMode: 'after_n' })
    const once = recordPing(base, 'fail', T0 + 5 * MIN)
    const twice = recordPing(once, 'fail', T0 + 10 * MIN)
    const thrice = recordPing(twice, 'fail', T0 + 15 * MIN)
    expect(evaluate(twice, T0 + 10 * MIN, spec)).toMatchObject({ status: 'up', alarm: false })
    expect(evaluate(twice, T0 + 10 * MIN, spec).reason).toContain('2 failures in a row (alarms at 3)')
    expect(evaluate(thrice, T0 + 15 * MIN, spec)).toMatchObject({ status: 'failing', alarm: true })
    expect(evaluate(recordPing(thrice, 'success', T0 + 20 * MIN), T0 + 20 * MIN, spec)).toMatchObject({ status: 'up', alarm: false })
  })

  it('a failure is a finished run, so it is not also a missed ping', () => {
    const spec = normalizeHeartbeat({ intervalSeconds: 300, graceSeconds: 60, missesToAlarm: 3, failMode: 'after_n' })
    const failed = recordPing(base, 'fail', T0 + 5 * MIN)
    expect(evaluate(failed, T0 + 9 * MIN, spec)).toMatchObject({ status: 'up', missed: 0 })
  })
})

describe('/start pings', () => {
  const base = pinged(T0)
  const started = recordPing(base, 'start', T0 + 5 * MIN)

  it('a run in progress within interval + grace excuses the deadline it straddles', () => {
    const r = evaluate(started, T0 + 8 * MIN)
    expect(r).toMatchObject({ status: 'up', missed: 0, alarm: false, nextCheckAt: T0 + 11 * MIN })
    expect(r.reason).toContain('run in progress')
  })

  it('a start without a finish within interval + grace counts as missed', () => {
    expect(evaluate(started, T0 + 11 * MIN)).toMatchObject({ status: 'late', missed: 2, alarm: false })
    expect(evaluate(started, T0 + 16 * MIN)).toMatchObject({ status: 'down', missed: 3, alarm: true })
  })

  it('misses before the run started still count', () => {
    const lateStart = recordPing(base, 'start', T0 + 12 * MIN)
    expect(evaluate(lateStart, T0 + 13 * MIN)).toMatchObject({ status: 'late', missed: 2 })
  })

  it('a finish closes the run', () => {
    const finished = recordPing(started, 'success', T0 + 9 * MIN)
    expect(evaluate(finished, T0 + 10 * MIN)).toMatchObject({ status: 'up', missed: 0, nextCheckAt: T0 + 14 * MIN })
  })
})
