import { describe, expect, it } from 'vitest'
import { normalizeHeartbeat } from './normalize.js'
import { expectedDeadlines, nextExpectedAfter } from './schedule.js'

const MIN = 60_000
const T = Date.UTC(2024, 0, 1)

describe('nextExpectedAfter', () => {
  const every5 = { kind: 'interval', intervalSeconds: 300 } as const

  it('counts whole intervals from the last ping', () => {
    expect(nextExpectedAfter(every5, T, T)).toBe(T + 5 * MIN)
    expect(nextExpectedAfter(every5, T, T + 5 * MIN)).toBe(T + 10 * MIN)
    expect(nextExpectedAfter(every5, T, T + 12 * MIN)).toBe(T + 15 * MIN)
  })

  it('reads cron times in the schedule\'s zone', () => {
    const cron = { kind: 'cron', cron: '0 9 * * MON-FRI', timeZone: 'Europe/London' } as const
    // Saturday 2024-01-06 → Monday 09:00 GMT.
    expect(nextExpectedAfter(cron, T, Date.UTC(2024, 0, 6, 12))).toBe(Date.UTC(2024, 0, 8, 9))
  })
})

describe('expectedDeadlines', () => {
  it('lists interval pings from `from`, each with its grace deadline', () => {
    const spec = normalizeHeartbeat({ intervalSeconds: 600, graceSeconds: 120 })
    expect(expectedDeadlines(spec, T, T + 30 * MIN)).toEqual([
      { expectedAt: T + 10 * MIN, deadline: T + 12 * MIN },
      { expectedAt: T + 20 * MIN, deadline: T + 22 * MIN },
      { expectedAt: T + 30 * MIN, deadline: T + 32 * MIN },
    ])
  })

  it('stops at the limit', () => {
    const spec = normalizeHeartbeat({ cron: '* * * * *', timeZone: 'UTC' })
    expect(expectedDeadlines(spec, T, T + 24 * 60 * MIN, 10)).toHaveLength(10)
  })
})
