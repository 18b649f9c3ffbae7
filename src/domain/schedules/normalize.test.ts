import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { normalizeSchedule, validateOverride, type LayerInput, type OverrideInput, type ScheduleInput } from './normalize.js'

function layerInput(extra: Partial<LayerInput> = {}): LayerInput {
  return {
    id: 'primary',
    name: 'Primary',
    startsAt: '2024-03-04T09:00:00-05:00',
    shiftLength: 1,
    shiftUnit: 'weeks',
    handoffTime: '09:00',
    members: ['alice', 'bob'],
    ...extra,
  }
}

function scheduleInput(extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return { id: 'sched-1', timeZone: 'America/New_York', layers: [layerInput()], ...extra }
}

function overrideInput(extra: Partial<OverrideInput> = {}): OverrideInput {
  return {
    id: 'o1',
    userId: 'carol',
    start: '2024-03-05T09:00:00Z',
    end: '2024-03-06T09:00:00Z',
    kind: 'manual',
    createdSeq: 7,
    ...extra,
  }
}

/** Returns the "field: reason" lines of the validation error `fn` throws. */
function fieldErrors(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    const appError = err as AppError
    expect(appError.code).toBe('E_VALIDATION')
    return appError.fields.map((f) => `${f.field}: ${f.reason}`)
  }
  throw new Error('expected a validation error')
}

describe('normalizeSchedule', () => {
  it('returns a validated copy with instants as epoch ms and defaults filled in', () => {
    const def = normalizeSchedule(
      scheduleInput({
        timeZone: 'america/new_york',
        layers: [
          layerInput({ restrictions: [{ days: ['fri', 'mon', 'mon'], start: '09:00', end: '17:00' }] }),
          layerInput({ id: 'follow', timeZone: 'Asia/Kolkata', startsAt: Date.UTC(2024, 0, 1), endsAt: '2025-01-01T00:00:00Z' }),
        ],
      }),
    )
    expect(def.timeZone).toBe('America/New_York')
    expect(def.layers[0]).toEqual({
      id: 'primary',
      name: 'Primary',
      timeZone: null,
      startsAt: Date.UTC(2024, 2, 4, 14),
      endsAt: null,
      shiftLength: 1,
      shiftUnit: 'weeks',
      handoffTime: '09:00',
      members: ['alice', 'bob'],
      restrictions: [{ days: ['mon', 'fri'], start: '09:00', end: '17:00' }],
    })
    expect(def.layers[1]).toMatchObject({ timeZone: 'Asia/Kolkata', startsAt: Date.UTC(2024, 0, 1), endsAt: Date.UTC(2025, 0, 1), restrictions: [] })
  })

  it('allows a schedule without layers (all gap) and repeated members', () => {
    expect(normalizeSchedule(scheduleInput({ layers: [] })).layers).toEqual([])
    expect(normalizeSchedule(scheduleInput({ layers: [layerInput({ members: ['a', 'a', 'b'] })] })).layers[0]?.members).toEqual(['a', 'a', 'b'])
  })

  it.each<[string, Partial<ScheduleInput>, string]>([
    ['an unknown zone', { timeZone: 'Mars/Base' }, 'timeZone: unknown time zone "Mars/Base"'],
    ['a fixed offset as zone', { timeZone: '+02:00' }, 'timeZone: unknown time zone "+02:00"'],
    ['an empty id', { id: '  ' }, 'id: must be a non-empty string'],
    [
      'a bad handoff time on the third layer',
      { layers: [layerInput({ id: 'a' }), layerInput({ id: 'b' }), layerInput({ id: 'c', handoffTime: '25:00' })] },
      'layers[2].handoffTime: must be HH:MM (24h), got "25:00"',
    ],
    ['24:00 as handoff', { layers: [layerInput({ handoffTime: '24:00' })] }, 'layers[0].handoffTime: must be HH:MM (24h), got "24:00"'],
    ['an empty rotation', { layers: [layerInput({ members: [] })] }, 'layers[0].members: must list at least one user'],
    ['an empty member id', { layers: [layerInput({ members: ['alice', ''] })] }, 'layers[0].members[1]: must be a non-empty string'],
    ['a zero shift length', { layers: [layerInput({ shiftLength: 0 })] }, 'layers[0].shiftLength: must be a positive integer, got 0'],
    ['a fractional shift length', { layers: [layerInput({ shiftLength: 1.5 })] }, 'layers[0].shiftLength: must be a positive integer, got 1.5'],
    ['too many weeks', { layers: [layerInput({ shiftLength: 53 })] }, 'layers[0].shiftLength: must be at most 52 weeks'],
    ['too many days', { layers: [layerInput({ shiftUnit: 'days', shiftLength: 366 })] }, 'layers[0].shiftLength: must be at most 365 days'],
    ['too many hours', { layers: [layerInput({ shiftUnit: 'hours', shiftLength: 8761 })] }, 'layers[0].shiftLength: must be at most 8760 hours'],
    ['an unknown unit', { layers: [layerInput({ shiftUnit: 'months' })] }, 'layers[0].shiftUnit: must be one of hours, days, weeks, got "months"'],
    [
      'a start without offset',
      { layers: [layerInput({ startsAt: '2024-03-04T09:00:00' })] },
      'layers[0].startsAt: must be an RFC 3339 time with an offset, such as "2024-03-10T09:00:00-04:00", got "2024-03-04T09:00:00"',
    ],
    ['an end before the start', { layers: [layerInput({ endsAt: '2024-03-01T00:00:00Z' })] }, 'layers[0].endsAt: must be after startsAt'],
    ['an end equal to the start', { layers: [layerInput({ endsAt: '2024-03-04T14:00:00Z' })] }, 'layers[0].endsAt: must be after startsAt'],
    ['an unknown layer zone', { layers: [layerInput({ timeZone: 'Mars/Base' })] }, 'layers[0].timeZone: unknown time zone "Mars/Base"'],
    [
      'restriction without days',
      { layers: [layerInput({ restrictions: [{ days: [], start: '09:00', end: '17:00' }] })] },
      'layers[0].restrictions[0].days: must list at least one day',
    ],
    [
      'restriction with a bad day',
      { layers: [layerInput({ restrictions: [{ days: ['mon', 'funday'], start: '09:00', end: '17:00' }] })] },
      'layers[0].restrictions[0].days[1]: must be one of mon, tue, wed, thu, fri, sat, sun, got "funday"',
    ],
    [
      'restriction with a bad end',
      { layers: [layerInput({ restrictions: [{ days: ['mon'], start: '09:00', end: '5pm' }] })] },
      'layers[0].restrictions[0].end: must be HH:MM (24h), got "5pm"',
    ],
    ['duplicate layer ids', { layers: [layerInput(), layerInput()] }, 'layers[1].id: duplicate layer id "primary"'],
    ['an empty layer name', { layers: [layerInput({ name: ' ' })] }, 'layers[0].name: must not be empty'],
  ])('rejects %s', (_label, input, expected) => {
    expect(fieldErrors(() => normalizeSchedule(scheduleInput(input)))).toEqual([expected])
  })

  it('reports every error at once, with paths', () => {
    const errors = fieldErrors(() =>
      normalizeSchedule({
        id: 'sched-1',
        timeZone: 'Mars/Base',
        layers: [
          layerInput({ members: [] }),
          layerInput({ id: 'second', shiftLength: -1, handoffTime: '25:00', restrictions: [{ days: [], start: '9', end: '17:00' }] }),
        ],
      }),
    )
    expect(errors).toEqual([
      'timeZone: unknown time zone "Mars/Base"',
      'layers[0].members: must list at least one user',
      'layers[1].shiftLength: must be a positive integer, got -1',
      'layers[1].handoffTime: must be HH:MM (24h), got "25:00"',
      'layers[1].restrictions[0].days: must list at least one day',
      'layers[1].restrictions[0].start: must be HH:MM (24h), got "9"',
    ])
  })

  it('reports wrongly shaped input by path instead of crashing', () => {
    const malformed = { id: 's', timeZone: 'UTC', layers: [null, { ...layerInput(), members: 'alice' }] } as unknown as ScheduleInput
    expect(fieldErrors(() => normalizeSchedule(malformed))).toEqual(['layers[0]: must be an object', 'layers[1].members: must be a list'])
    expect(fieldErrors(() => normalizeSchedule({ id: 's', timeZone: 'UTC' } as unknown as ScheduleInput))).toEqual(['layers: must be a list'])
  })
})

describe('validateOverride', () => {
  it('returns a validated override with instants as epoch ms', () => {
    expect(validateOverride(overrideInput({ replacesUserId: 'alice', kind: 'swap' }))).toEqual({
      id: 'o1',
      userId: 'carol',
      replacesUserId: 'alice',
      start: Date.UTC(2024, 2, 5, 9),
      end: Date.UTC(2024, 2, 6, 9),
      kind: 'swap',
      createdSeq: 7,
    })
    expect(validateOverride(overrideInput()).replacesUserId).toBeNull()
  })

  it.each<[string, Partial<OverrideInput>, string]>([
    ['an end before the start', { end: '2024-03-04T09:00:00Z' }, 'end: must be after start'],
    ['an end equal to the start', { end: '2024-03-05T09:00:00Z' }, 'end: must be after start'],
    ['more than 366 days', { end: '2025-03-07T09:00:00Z' }, 'end: must be at most 366 days after start'],
    ['a start without offset', { start: '2024-03-05 09:00' }, 'start: must be an RFC 3339 time with an offset, such as "2024-03-10T09:00:00-04:00", got "2024-03-05 09:00"'],
    ['replacing oneself', { replacesUserId: 'carol' }, 'replacesUserId: must differ from userId'],
    ['an unknown kind', { kind: 'vacation' }, 'kind: must be one of manual, swap, relief, got "vacation"'],
    ['a negative sequence', { createdSeq: -1 }, 'createdSeq: must be a non-negative integer, got -1'],
    ['no user', { userId: '' }, 'userId: must be a non-empty string'],
  ])('rejects %s', (_label, input, expected) => {
    expect(fieldErrors(() => validateOverride(overrideInput(input)))).toEqual([expected])
  })

  it('accepts exactly 366 days', () => {
    expect(validateOverride(overrideInput({ end: '2025-03-06T09:00:00Z' })).end).toBe(Date.UTC(2025, 2, 6, 9))
  })

  it('reports every error at once', () => {
    expect(fieldErrors(() => validateOverride(overrideInput({ userId: '', end: '2024-03-01T00:00:00Z', kind: 'x' })))).toEqual([
      'userId: must be a non-empty string',
      'end: must be after start',
      'kind: must be one of manual, swap, relief, got "x"',
    ])
  })
})
