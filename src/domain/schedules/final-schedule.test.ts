import { describe, expect, it } from 'vitest'
import { localTime, type Instant, type Weekday } from '../../lib/time/index.js'
import {
  computeFinalShifts,
  computeLayerShifts,
  nextHandoff,
  onCallAt,
  SEARCH_HORIZON_MS,
  shiftsForUser,
} from './final-schedule.js'
import type { Layer, Override, ScheduleDef, Shift } from './model.js'

const utc = (text: string): Instant => Date.parse(text)
const HOUR = 3_600_000
const DAY = 24 * HOUR
const MON = utc('2024-01-01T00:00:00Z') // a Monday

function layer(id: string, overrides: Partial<Layer> = {}): Layer {
  return {
    id,
    name: id,
    timeZone: 'UTC',
    startsAt: MON,
    endsAt: null,
    shiftLength: 1,
    shiftUnit: 'days',
    handoffTime: localTime('00:00'),
    members: ['alice', 'bob'],
    restrictions: [],
    ...overrides,
  }
}

function override(id: string, userId: string, start: Instant, end: Instant, extra: Partial<Override> = {}): Override {
  return { id, userId, replacesUserId: null, start, end, kind: 'manual', createdSeq: 1, ...extra }
}

const schedule = (...layers: Layer[]): ScheduleDef => ({ id: 's1', timeZone: 'UTC', layers })
const brief = (shifts: Shift[]): string[] =>
  shifts.map((s) => {
    const source = s.source.type === 'layer' ? s.source.layerId : s.source.type === 'override' ? s.source.overrideId : 'gap'
    return `${(s.start - MON) / HOUR}-${(s.end - MON) / HOUR} ${s.userId ?? '-'} ${source}`
  })
const workHours = (days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']) => [{ days, start: localTime('09:00'), end: localTime('17:00') }]

describe('computeFinalShifts: layers', () => {
  it('takes the topmost layer that has someone, the lower one elsewhere', () => {
    const def = schedule(layer('base'), layer('day', { members: ['carol'], restrictions: workHours() }))
    expect(brief(computeFinalShifts(def, [], MON, MON + 2 * DAY))).toEqual([
      '0-9 alice base',
      '9-17 carol day',
      '17-24 alice base',
      '24-33 bob base',
      '33-41 carol day',
      '41-48 bob base',
    ])
  })

  it('reports gaps as null shifts, before a layer starts and outside restrictions', () => {
    const def = schedule(layer('day', { startsAt: MON + DAY, members: ['carol'], restrictions: workHours() }))
    expect(brief(computeFinalShifts(def, [], MON, MON + 2 * DAY))).toEqual(['0-33 - gap', '33-41 carol day', '41-48 - gap'])
  })

  it('merges adjacent shifts only when user and source are the same', () => {
    const def = schedule(layer('base', { members: ['alice'] }))
    expect(brief(computeFinalShifts(def, [], MON, MON + 3 * DAY))).toEqual(['0-72 alice base'])
    const twoLayers = schedule(layer('base', { members: ['alice'] }), layer('top', { members: ['alice'], restrictions: workHours() }))
    expect(brief(computeFinalShifts(twoLayers, [], MON, MON + DAY))).toEqual(['0-9 alice base', '9-17 alice top', '17-24 alice base'])
  })

  it('returns nothing for an empty range and refuses a reversed one', () => {
    expect(computeFinalShifts(schedule(layer('base')), [], MON, MON)).toEqual([])
    expect(() => computeFinalShifts(schedule(layer('base')), [], MON + 1, MON)).toThrow(RangeError)
  })

  it('is all gap for a schedule without layers', () => {
    expect(brief(computeFinalShifts(schedule(), [], MON, MON + DAY))).toEqual(['0-24 - gap'])
  })
})

describe('computeFinalShifts: overrides', () => {
  const def = schedule(layer('base'))

  it('puts an override on top of the layers', () => {
    const o = override('o1', 'dave', MON + 6 * HOUR, MON + 30 * HOUR)
    expect(brief(computeFinalShifts(def, [o], MON, MON + 2 * DAY))).toEqual(['0-6 alice base', '6-30 dave o1', '30-48 bob base'])
  })

  it('lets the newest override win where they overlap', () => {
    const older = override('older', 'dave', MON + 2 * HOUR, MON + 10 * HOUR, { createdSeq: 1 })
    const newer = override('newer', 'erin', MON + 4 * HOUR, MON + 6 * HOUR, { createdSeq: 2 })
    const expected = ['0-2 alice base', '2-4 dave older', '4-6 erin newer', '6-10 dave older', '10-24 alice base']
    expect(brief(computeFinalShifts(def, [older, newer], MON, MON + DAY))).toEqual(expected)
    expect(brief(computeFinalShifts(def, [newer, older], MON, MON + DAY))).toEqual(expected)
  })

  it('applies replacesUserId only while that user is on call in the layers', () => {
    // Covers alice's day and bob's day; only alice's part is replaced.
    const swap = override('swap', 'dave', MON + 12 * HOUR, MON + 36 * HOUR, { replacesUserId: 'alice', kind: 'swap' })
    expect(brief(computeFinalShifts(def, [swap], MON, MON + 2 * DAY))).toEqual(['0-12 alice base', '12-24 dave swap', '24-48 bob base'])
  })

  it('falls through to an older override when the newer one does not apply', () => {
    const older = override('cover', 'dave', MON, MON + 2 * DAY, { createdSeq: 1 })
    const newer = override('swap', 'erin', MON, MON + 2 * DAY, { createdSeq: 2, replacesUserId: 'bob' })
    expect(brief(computeFinalShifts(def, [older, newer], MON, MON + 2 * DAY))).toEqual(['0-24 dave cover', '24-48 erin swap'])
  })

  it('matches replacesUserId against the layers, not against other overrides', () => {
    const first = override('first', 'dave', MON, MON + DAY, { createdSeq: 1 })
    const replaceDave = override('replace-dave', 'erin', MON, MON + DAY, { createdSeq: 2, replacesUserId: 'dave' })
    expect(brief(computeFinalShifts(def, [first, replaceDave], MON, MON + DAY))).toEqual(['0-24 dave first'])
  })

  it('fills a gap with an override that replaces nobody, but not with one that replaces someone', () => {
    const gappy = schedule(layer('day', { members: ['carol'], restrictions: workHours() }))
    const fill = override('fill', 'dave', MON + 17 * HOUR, MON + 20 * HOUR)
    const swap = override('swap', 'erin', MON + 20 * HOUR, MON + 22 * HOUR, { replacesUserId: 'carol', createdSeq: 2 })
    expect(brief(computeFinalShifts(gappy, [fill, swap], MON, MON + DAY))).toEqual([
      '0-9 - gap',
      '9-17 carol day',
      '17-20 dave fill',
      '20-24 - gap',
    ])
  })

  it('carries the override kind in the source and ignores overrides outside the range or empty', () => {
    const relief = override('relief', 'dave', MON + HOUR, MON + 2 * HOUR, { kind: 'relief' })
    const shifts = computeFinalShifts(def, [relief, override('later', 'x', MON + 5 * DAY, MON + 6 * DAY), override('empty', 'y', MON, MON)], MON, MON + DAY)
    expect(shifts[1]?.source).toEqual({ type: 'override', overrideId: 'relief', kind: 'relief' })
    expect(shifts.map((s) => s.userId)).toEqual(['alice', 'dave', 'alice'])
  })
})

describe('computeLayerShifts', () => {
  it('tiles the range with the layer alone, gaps included', () => {
    const day = layer('day', { members: ['carol', 'dave'], restrictions: workHours(['mon']) })
    expect(brief(computeLayerShifts(day, 'UTC', MON, MON + DAY))).toEqual(['0-9 - gap', '9-17 carol day', '17-24 - gap'])
  })
})

describe('onCallAt', () => {
  const def = schedule(layer('weekly', { shiftUnit: 'weeks', members: ['alice', 'bob'] }))

  it('returns the whole shift containing the instant, not a clipped piece', () => {
    const shift = onCallAt(def, [], MON + 8 * DAY + 5 * HOUR)
    expect(shift).toEqual({ start: MON + 7 * DAY, end: MON + 14 * DAY, userId: 'bob', source: { type: 'layer', layerId: 'weekly' } })
  })

  it('counts a handoff instant as the start of the next shift', () => {
    expect(onCallAt(def, [], MON + 7 * DAY).userId).toBe('bob')
    expect(onCallAt(def, [], MON + 7 * DAY - 1).userId).toBe('alice')
  })

  it('clips a gap that runs for ever to the search horizon', () => {
    const at = MON - 1000 * DAY
    expect(onCallAt(def, [], at)).toEqual({ start: at - SEARCH_HORIZON_MS, end: at + SEARCH_HORIZON_MS, userId: null, source: { type: 'gap' } })
  })
})

describe('nextHandoff', () => {
  const def = schedule(layer('weekly', { shiftUnit: 'weeks', members: ['alice', 'bob'] }))

  it('finds the next change of user', () => {
    expect(nextHandoff(def, [], MON + DAY)).toEqual({ at: MON + 7 * DAY, from: 'alice', to: 'bob' })
    expect(nextHandoff(def, [], MON + 7 * DAY)).toEqual({ at: MON + 14 * DAY, from: 'bob', to: 'alice' })
  })

  it('sees overrides and gaps', () => {
    const o = override('o', 'dave', MON + 2 * DAY, MON + 3 * DAY)
    expect(nextHandoff(def, [o], MON + DAY)).toEqual({ at: MON + 2 * DAY, from: 'alice', to: 'dave' })
    expect(nextHandoff(def, [], MON - 10 * DAY)).toEqual({ at: MON, from: null, to: 'alice' })
  })

  it('ignores a change of source that keeps the same user', () => {
    const sameUser = override('o', 'alice', MON + 2 * DAY, MON + 3 * DAY)
    expect(nextHandoff(def, [sameUser], MON + DAY)).toEqual({ at: MON + 7 * DAY, from: 'alice', to: 'bob' })
  })

  it('returns null when nothing changes within the horizon', () => {
    const solo = schedule(layer('solo', { members: ['alice'] }))
    expect(nextHandoff(solo, [], MON + DAY)).toBeNull()
  })
})

describe('shiftsForUser', () => {
  it("keeps only that user's shifts", () => {
    const def = schedule(layer('base'))
    const shifts = shiftsForUser(def, [override('o', 'bob', MON + HOUR, MON + 2 * HOUR)], 'bob', MON, MON + 2 * DAY)
    expect(brief(shifts)).toEqual(['1-2 bob o', '24-48 bob base'])
  })
})

describe('efficiency', () => {
  it('computes a year for a layer that began decades ago without walking from its start', () => {
    const hourly = schedule(layer('hourly', { shiftUnit: 'hours', startsAt: utc('1990-01-01T00:00:00Z'), members: ['a', 'b', 'c'] }))
    const started = performance.now()
    const shifts = computeFinalShifts(hourly, [], utc('2030-01-01T00:00:00Z'), utc('2031-01-01T00:00:00Z'))
    expect(shifts).toHaveLength(8760)
    // Generous bound: walking from 1990 hour by hour would take far longer.
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
