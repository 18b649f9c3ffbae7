import { describe, expect, it } from 'vitest'
import { localTime } from '../../lib/time/index.js'
import type { ScheduleDef } from '../schedules/index.js'
import { onCallWeekStart } from './on-call-week.js'
import { at } from './test-fixtures.js'

const weekly = (startsAt: string, zone = 'Europe/Berlin'): ScheduleDef => ({
  id: 's',
  timeZone: zone,
  layers: [{ id: 'l', name: 'Weekly', timeZone: null, startsAt: at(startsAt), endsAt: null, shiftLength: 1, shiftUnit: 'weeks', handoffTime: localTime('09:00'), members: ['a', 'b'], restrictions: [] }],
})

describe('onCallWeekStart', () => {
  it('starts at the weekly rotation’s handoff', () => {
    const s = weekly('2026-11-02T09:00:00+01:00')
    expect(onCallWeekStart([s], 'UTC', at('2026-11-24T02:00:00+01:00'))).toBe(at('2026-11-23T09:00:00+01:00'))
    expect(onCallWeekStart([s], 'UTC', at('2026-11-30T08:59:00+01:00'))).toBe(at('2026-11-23T09:00:00+01:00'))
    expect(onCallWeekStart([s], 'UTC', at('2026-11-30T09:00:00+01:00'))).toBe(at('2026-11-30T09:00:00+01:00'))
  })

  it('keeps the local handoff time across a DST change', () => {
    const s = weekly('2026-10-05T09:00:00+02:00')
    expect(onCallWeekStart([s], 'UTC', at('2026-10-27T12:00:00+01:00'))).toBe(at('2026-10-26T09:00:00+01:00'))
  })

  it('counts calendar weeks (Monday 00:00 team time) without a weekly layer, or before it starts', () => {
    expect(onCallWeekStart([], 'America/New_York', at('2026-11-25T12:00:00-05:00'))).toBe(at('2026-11-23T00:00:00-05:00'))
    expect(onCallWeekStart([weekly('2027-01-04T09:00:00+01:00')], 'Europe/Berlin', at('2026-11-25T12:00:00+01:00'))).toBe(at('2026-11-23T00:00:00+01:00'))
  })
})
