/**
 * Handoffs and windows around DST changes, checked against exact UTC instants. Every case is
 * a wall-clock rule ("09:00 local") read on both sides of a transition.
 */
import { describe, expect, it } from 'vitest'
import { localTime, toLocal, type Instant } from '../../lib/time/index.js'
import { computeFinalShifts, computeLayerShifts } from './final-schedule.js'
import type { Layer, Restriction, ShiftUnit } from './model.js'

const utc = (text: string): Instant => Date.parse(text)
const iso = (i: Instant): string => new Date(i).toISOString().replace('.000Z', 'Z')

function rotation(zone: string, startsAt: string, unit: ShiftUnit, length: number, handoff: string): Layer {
  return {
    id: 'l',
    name: 'l',
    timeZone: zone,
    startsAt: utc(startsAt),
    endsAt: null,
    shiftLength: length,
    shiftUnit: unit,
    handoffTime: localTime(handoff),
    members: ['a', 'b', 'c'],
    restrictions: [],
  }
}

/** Returns the handoff instants strictly inside [from, to). */
function handoffs(layer: Layer, from: string, to: string): string[] {
  return computeLayerShifts(layer, 'UTC', utc(from), utc(to)).slice(1).map((s) => iso(s.start))
}

describe('weekly rotation, 09:00 handoff, America/New_York', () => {
  it('hands off at 09:00 local on both sides of spring forward (2024-03-10)', () => {
    const layer = rotation('America/New_York', '2024-02-26T14:00:00Z', 'weeks', 1, '09:00')
    expect(handoffs(layer, '2024-02-26T14:00:00Z', '2024-03-26T00:00:00Z')).toEqual([
      '2024-03-04T14:00:00Z', // 09:00 EST
      '2024-03-11T13:00:00Z', // 09:00 EDT: that turn lasted 167 hours
      '2024-03-18T13:00:00Z',
      '2024-03-25T13:00:00Z',
    ])
  })

  it('hands off at 09:00 local on both sides of fall back (2024-11-03)', () => {
    const layer = rotation('America/New_York', '2024-10-21T13:00:00Z', 'weeks', 1, '09:00')
    expect(handoffs(layer, '2024-10-21T13:00:00Z', '2024-11-19T00:00:00Z')).toEqual([
      '2024-10-28T13:00:00Z', // 09:00 EDT
      '2024-11-04T14:00:00Z', // 09:00 EST: that turn lasted 169 hours
      '2024-11-11T14:00:00Z',
      '2024-11-18T14:00:00Z',
    ])
  })

  it('hands off at 09:00 local on the transition Sundays themselves', () => {
    const layer = rotation('America/New_York', '2024-03-03T14:00:00Z', 'weeks', 1, '09:00')
    expect(handoffs(layer, '2024-03-03T14:00:00Z', '2024-03-11T00:00:00Z')).toEqual(['2024-03-10T13:00:00Z'])
    const autumn = rotation('America/New_York', '2024-10-27T13:00:00Z', 'weeks', 1, '09:00')
    expect(handoffs(autumn, '2024-10-27T13:00:00Z', '2024-11-04T00:00:00Z')).toEqual(['2024-11-03T14:00:00Z'])
  })
})

describe('daily rotation, 09:00 handoff', () => {
  it('Asia/Kolkata (+05:30, no DST) hands off at 03:30Z every day', () => {
    const layer = rotation('Asia/Kolkata', '2024-03-08T03:30:00Z', 'days', 1, '09:00')
    expect(handoffs(layer, '2024-03-08T03:30:00Z', '2024-03-12T00:00:00Z')).toEqual([
      '2024-03-09T03:30:00Z',
      '2024-03-10T03:30:00Z',
      '2024-03-11T03:30:00Z',
    ])
  })

  it('Australia/Lord_Howe keeps 09:00 local through its 30-minute DST end (2024-04-07)', () => {
    const layer = rotation('Australia/Lord_Howe', '2024-04-04T22:00:00Z', 'days', 1, '09:00')
    expect(handoffs(layer, '2024-04-04T22:00:00Z', '2024-04-08T00:00:00Z')).toEqual([
      '2024-04-05T22:00:00Z', // Sat 09:00 +11:00
      '2024-04-06T22:30:00Z', // Sun 09:00 +10:30: a 24.5-hour turn
      '2024-04-07T22:30:00Z',
    ])
  })

  it('Australia/Lord_Howe keeps 09:00 local through its 30-minute DST start (2024-10-06)', () => {
    const layer = rotation('Australia/Lord_Howe', '2024-10-03T22:30:00Z', 'days', 1, '09:00')
    expect(handoffs(layer, '2024-10-03T22:30:00Z', '2024-10-07T00:00:00Z')).toEqual([
      '2024-10-04T22:30:00Z', // Sat 09:00 +10:30
      '2024-10-05T22:00:00Z', // Sun 09:00 +11:00: a 23.5-hour turn
      '2024-10-06T22:00:00Z',
    ])
  })
})

describe('daily rotation, 02:30 handoff, America/New_York (the gap rule)', () => {
  it('hands off at 03:30 EDT on 2024-03-10, when 02:30 does not exist', () => {
    const layer = rotation('America/New_York', '2024-03-08T07:30:00Z', 'days', 1, '02:30')
    const times = handoffs(layer, '2024-03-08T07:30:00Z', '2024-03-12T00:00:00Z')
    expect(times).toEqual([
      '2024-03-09T07:30:00Z', // 02:30 EST
      '2024-03-10T07:30:00Z', // 02:30 skipped: moved forward by the 1h gap to 03:30 EDT
      '2024-03-11T06:30:00Z', // 02:30 EDT: the turn before was 23 hours
    ])
    expect(toLocal(utc(times[1] ?? ''), 'America/New_York').time).toBe('03:30')
  })

  it('hands off at the first 01:30 on 2024-11-03, when 01:30 happens twice', () => {
    const layer = rotation('America/New_York', '2024-11-01T05:30:00Z', 'days', 1, '01:30')
    expect(handoffs(layer, '2024-11-01T05:30:00Z', '2024-11-05T00:00:00Z')).toEqual([
      '2024-11-02T05:30:00Z', // 01:30 EDT
      '2024-11-03T05:30:00Z', // the first 01:30 (EDT); the turn after lasts 25 hours
      '2024-11-04T06:30:00Z', // 01:30 EST
    ])
  })
})

describe('12-hour rotation, 09:00 handoff, Europe/Berlin', () => {
  it('hands off at 09:00 and 21:00 local across 2024-03-31 (an 11-hour night turn)', () => {
    const layer = rotation('Europe/Berlin', '2024-03-30T08:00:00Z', 'hours', 12, '09:00')
    expect(handoffs(layer, '2024-03-30T08:00:00Z', '2024-04-01T12:00:00Z')).toEqual([
      '2024-03-30T20:00:00Z', // 21:00 CET
      '2024-03-31T07:00:00Z', // 09:00 CEST, 11 hours later
      '2024-03-31T19:00:00Z', // 21:00 CEST
      '2024-04-01T07:00:00Z',
    ])
  })

  it('hands off at 09:00 and 21:00 local across 2024-10-27 (a 13-hour night turn)', () => {
    const layer = rotation('Europe/Berlin', '2024-10-26T07:00:00Z', 'hours', 12, '09:00')
    expect(handoffs(layer, '2024-10-26T07:00:00Z', '2024-10-28T00:00:00Z')).toEqual([
      '2024-10-26T19:00:00Z', // 21:00 CEST
      '2024-10-27T08:00:00Z', // 09:00 CET, 13 hours later
      '2024-10-27T20:00:00Z',
    ])
  })
})

describe('Europe/London', () => {
  it('keeps a Monday 09:00 weekly handoff local across both 2024 changes', () => {
    const layer = rotation('Europe/London', '2024-03-25T09:00:00Z', 'weeks', 1, '09:00')
    const times = handoffs(layer, '2024-03-25T09:00:00Z', '2024-11-05T00:00:00Z')
    expect(times[0]).toBe('2024-04-01T08:00:00Z') // BST
    expect(times.at(-1)).toBe('2024-11-04T09:00:00Z') // GMT
    expect(new Set(times.map((t) => toLocal(utc(t), 'Europe/London').time))).toEqual(new Set(['09:00']))
  })
})

describe('follow-the-sun across zones', () => {
  it('keeps each layer on its own local working hours when the zones change DST on different dates', () => {
    // The US springs forward on 2024-03-10, Europe on 2024-03-31: between them the gap shrinks.
    const workingHours = (): Restriction[] => [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime('09:00'), end: localTime('17:00') }]
    const emea: Layer = { ...rotation('Europe/Berlin', '2024-01-01T08:00:00Z', 'weeks', 1, '09:00'), id: 'emea', members: ['eu'], restrictions: workingHours() }
    const amer: Layer = { ...rotation('America/New_York', '2024-01-01T14:00:00Z', 'weeks', 1, '09:00'), id: 'amer', members: ['us'], restrictions: workingHours() }
    const def = { id: 's', timeZone: 'UTC', layers: [emea, amer] }
    const day = (d: string) =>
      computeFinalShifts(def, [], utc(`${d}T00:00:00Z`), utc(`${d}T23:59:00Z`)).map((s) => `${iso(s.start).slice(11, 16)} ${s.userId ?? '-'}`)
    expect(day('2024-03-08')).toEqual(['00:00 -', '08:00 eu', '14:00 us', '22:00 -']) // CET / EST
    expect(day('2024-03-11')).toEqual(['00:00 -', '08:00 eu', '13:00 us', '21:00 -']) // CET / EDT
    expect(day('2024-04-01')).toEqual(['00:00 -', '07:00 eu', '13:00 us', '21:00 -']) // CEST / EDT
  })
})
