import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { normalizeHeartbeat, type HeartbeatInput } from './normalize.js'

/** Returns the "field: reason" lines of the validation error normalizeHeartbeat throws. */
function fieldErrors(input: HeartbeatInput): string[] {
  try {
    normalizeHeartbeat(input)
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    return (err as AppError).fields.map((f) => `${f.field}: ${f.reason}`)
  }
  throw new Error('expected a validation error')
}

describe('normalizeHeartbeat', () => {
  it('fills defaults: grace 5 min, 3 misses, failures alarm immediately', () => {
    expect(normalizeHeartbeat({ intervalSeconds: 600 })).toEqual({
      schedule: { kind: 'interval', intervalSeconds: 600 },
      graceSeconds: 300,
      missesToAlarm: 3,
      failMode: 'immediate',
    })
  })

  it('accepts a cron schedule and canonicalizes its zone and spacing', () => {
    const spec = normalizeHeartbeat({ cron: ' 0  2 * * * ', timeZone: 'america/new_york', failMode: 'after_n' })
    expect(spec.schedule).toEqual({ kind: 'cron', cron: '0 2 * * *', timeZone: 'America/New_York' })
    expect(spec.failMode).toBe('after_n')
  })

  it.each<[string, HeartbeatInput, string]>([
    ['neither schedule', {}, 'intervalSeconds: give exactly one of intervalSeconds and cron'],
    ['both schedules', { intervalSeconds: 60, cron: '* * * * *', timeZone: 'UTC' }, 'cron: give exactly one'],
    ['interval under a minute', { intervalSeconds: 30 }, 'intervalSeconds: must be a whole number from 60 to 31536000'],
    ['fractional interval', { intervalSeconds: 90.5 }, 'intervalSeconds: must be a whole number'],
    ['cron without a zone', { cron: '0 2 * * *' }, 'timeZone: required with cron'],
    ['cron with an unknown zone', { cron: '0 2 * * *', timeZone: 'Mars/Base' }, 'timeZone: unknown IANA time zone "Mars/Base"'],
    ['cron with an offset for a zone', { cron: '0 2 * * *', timeZone: '+02:00' }, 'timeZone: unknown IANA time zone'],
    ['cron with six fields', { cron: '0 0 2 * * *', timeZone: 'UTC' }, 'cron: expected 5 fields'],
    ['cron out of range', { cron: '0 25 * * *', timeZone: 'UTC' }, 'cron: Constraint error'],
    ['zero misses', { intervalSeconds: 60, missesToAlarm: 0 }, 'missesToAlarm: must be a whole number from 1 to 100'],
    ['101 misses', { intervalSeconds: 60, missesToAlarm: 101 }, 'missesToAlarm: must be a whole number from 1 to 100'],
    ['grace under a minute', { intervalSeconds: 60, graceSeconds: 10 }, 'graceSeconds: must be a whole number from 60'],
    ['unknown fail mode', { intervalSeconds: 60, failMode: 'sometimes' }, 'failMode: must be one of immediate, after_n'],
  ])('rejects %s', (_name, input, expected) => {
    expect(fieldErrors(input).join('\n')).toContain(expected)
  })

  it('reports every bad field at once', () => {
    expect(fieldErrors({ intervalSeconds: 1, graceSeconds: 1, missesToAlarm: 0, failMode: 'x' })).toHaveLength(4)
  })
})
