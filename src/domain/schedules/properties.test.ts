/**
 * Property tests: random schedules (odd zones included), random overrides, random ranges.
 * The oracle below answers "who is on call at t" from the documented rules alone, walking the
 * handoff grid naively from the layer's start, so it shares no sweep or index-jump logic with
 * the code under test.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addLocalDays,
  instantToWallMinutes,
  localDateOf,
  localTimeFromMinutes,
  localTimeMinutes,
  localToInstant,
  wallDate,
  wallMinutesOf,
  wallToInstant,
  weekdayOf,
  WEEKDAYS,
  type Instant,
  type WallMinutes,
} from '../../lib/time/index.js'
import { computeFinalShifts, computeLayerShifts, onCallAt } from './final-schedule.js'
import type { Layer, Override, Restriction, ScheduleDef, Shift, ShiftUnit } from './model.js'

const DAY = 86_400_000
const ZONES = [
  'UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe',
  'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Apia', 'America/Santiago',
]
const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']
// 2010–2030 includes Samoa's skipped day (2011-12-30) and many DST seasons.
const ERA_START = Date.UTC(2010, 0, 1)
const ERA_END = Date.UTC(2030, 0, 1)
const UNIT_MINUTES: Record<ShiftUnit, number> = { hours: 60, days: 1440, weeks: 10_080 }

const localTimeArb = fc.integer({ min: 0, max: 1439 }).map(localTimeFromMinutes)
const restrictionArb: fc.Arbitrary<Restriction> = fc.record({
  days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
  start: localTimeArb,
  end: localTimeArb,
})
const shiftArb = fc.oneof(
  fc.record({ shiftUnit: fc.constant<ShiftUnit>('hours'), shiftLength: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ shiftUnit: fc.constant<ShiftUnit>('days'), shiftLength: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ shiftUnit: fc.constant<ShiftUnit>('weeks'), shiftLength: fc.integer({ min: 1, max: 4 }) }),
)

function layerArb(anchor: Instant, withRestrictions: boolean, zones: readonly string[] = ZONES): fc.Arbitrary<Layer> {
  return fc
    .record({
      timeZone: fc.option(fc.constantFrom(...zones), { nil: null }),
      startsAt: fc.integer({ min: anchor - 400 * DAY, max: anchor + 20 * DAY }),
      endsAfter: fc.option(fc.integer({ min: 1, max: 200 * DAY }), { nil: null }),
      shift: shiftArb,
      handoffTime: localTimeArb,
      members: fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 5 }),
      restrictions: withRestrictions ? fc.array(restrictionArb, { maxLength: 3 }) : fc.constant([]),
    })
    .map((r) => ({
      id: '',
      name: 'layer',
      timeZone: r.timeZone,
      startsAt: r.startsAt,
      endsAt: withRestrictions && r.endsAfter !== null ? r.startsAt + r.endsAfter : null,
      ...r.shift,
      handoffTime: r.handoffTime,
      members: r.members,
      restrictions: r.restrictions,
    }))
}

function overrideArb(anchor: Instant): fc.Arbitrary<Override> {
  return fc.record({
    id: fc.constant(''),
    userId: fc.constantFrom(...USERS),
    replacesUserId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    start: fc.integer({ min: anchor - 10 * DAY, max: anchor + 50 * DAY }),
    length: fc.integer({ min: 60_000, max: 10 * DAY }),
    kind: fc.constantFrom('manual' as const, 'swap' as const, 'relief' as const),
    createdSeq: fc.integer({ min: 0, max: 1000 }),
  }).map(({ length, ...o }) => ({ ...o, end: o.start + length }))
}

interface Scenario {
  readonly def: ScheduleDef
  readonly overrides: readonly Override[]
  readonly from: Instant
  readonly to: Instant
  readonly probes: readonly Instant[]
}

function scenarioArb(eraStart: Instant, eraEnd: Instant, zones: readonly string[]): fc.Arbitrary<Scenario> {
  return fc.integer({ min: eraStart, max: eraEnd }).chain((anchor) =>
    fc.record({
      zone: fc.constantFrom(...zones),
      layers: fc.array(layerArb(anchor, true, zones), { minLength: 1, maxLength: 3 }),
      overrides: fc.array(overrideArb(anchor), { maxLength: 6 }),
      length: fc.integer({ min: 60_000, max: 45 * DAY }),
      probes: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 4 }),
    }).map((r) => {
      const to = anchor + r.length
      return {
        def: { id: 's', timeZone: r.zone, layers: r.layers.map((l, i) => ({ ...l, id: `L${i}` })) },
        overrides: r.overrides.map((o, i) => ({ ...o, id: `O${i}` })),
        from: anchor,
        to,
        probes: r.probes.map((p) => anchor + Math.floor(p * r.length)),
      }
    }),
  )
}

const anyScenario = scenarioArb(ERA_START, ERA_END, ZONES)

// ---- The oracle: the documented rules, evaluated naively at one instant. ----

function oracleLayerUser(layer: Layer, scheduleZone: string, t: Instant): string | null {
  if (t < layer.startsAt || (layer.endsAt !== null && t >= layer.endsAt)) return null
  const zone = layer.timeZone ?? scheduleZone
  const anchor = wallMinutesOf(localDateOf(layer.startsAt, zone), layer.handoffTime)
  const step = layer.shiftLength * UNIT_MINUTES[layer.shiftUnit]
  const handoff = (g: number): Instant => wallToInstant(zone, (anchor + g * step) as WallMinutes)
  // The turn containing x is the last grid handoff at or before x; walk the grid from well before.
  const lastHandoffAtOrBefore = (x: Instant): number => {
    let best = Number.NEGATIVE_INFINITY
    const limit = instantToWallMinutes(x, zone) + 2 * 1440
    for (let g = Math.floor((instantToWallMinutes(layer.startsAt, zone) - anchor) / step) - 60; anchor + g * step <= limit; g++) {
      if (handoff(g) <= x) best = g
    }
    return best
  }
  const turn = lastHandoffAtOrBefore(t) - lastHandoffAtOrBefore(layer.startsAt)
  const user = layer.members[turn % layer.members.length] ?? null
  if (layer.restrictions.length === 0) return user
  return oracleInWindow(layer.restrictions, zone, t) ? user : null
}

function oracleInWindow(restrictions: readonly Restriction[], zone: string, t: Instant): boolean {
  const today = wallDate(instantToWallMinutes(t, zone))
  for (let back = -3; back <= 1; back++) {
    const date = addLocalDays(today, back)
    for (const r of restrictions) {
      if (!r.days.includes(weekdayOf(date))) continue
      const start = localToInstant(zone, date, r.start)
      let minutes = localTimeMinutes(r.end) - localTimeMinutes(r.start)
      if (minutes <= 0) minutes += 1440
      const end = wallToInstant(zone, (wallMinutesOf(date, r.start) + minutes) as WallMinutes)
      if (start <= t && t < end) return true
    }
  }
  return false
}

function oracleAt(def: ScheduleDef, overrides: readonly Override[], t: Instant): { userId: string | null; sourceId: string } {
  let base: { userId: string; layerId: string } | null = null
  for (const layer of def.layers) {
    const user = oracleLayerUser(layer, def.timeZone, t)
    if (user !== null) base = { userId: user, layerId: layer.id }
  }
  const winner = overrides
    .filter((o) => o.start <= t && t < o.end && (o.replacesUserId === null || o.replacesUserId === base?.userId))
    .sort((a, b) => b.createdSeq - a.createdSeq || (a.id < b.id ? 1 : -1))[0]
  if (winner !== undefined) return { userId: winner.userId, sourceId: winner.id }
  return base === null ? { userId: null, sourceId: 'gap' } : { userId: base.userId, sourceId: base.layerId }
}

// ---- Helpers ----

const sourceId = (s: Shift): string =>
  s.source.type === 'layer' ? s.source.layerId : s.source.type === 'override' ? s.source.overrideId : 'gap'
const containing = (shifts: readonly Shift[], t: Instant): Shift | undefined => shifts.find((s) => s.start <= t && t < s.end)

function expectTiling(shifts: readonly Shift[], from: Instant, to: Instant): void {
  expect(shifts[0]?.start).toBe(from)
  expect(shifts.at(-1)?.end).toBe(to)
  shifts.forEach((s, i) => {
    expect(s.end).toBeGreaterThan(s.start)
    expect(s.userId === null).toBe(s.source.type === 'gap')
    const next = shifts[i + 1]
    if (next !== undefined) {
      expect(next.start).toBe(s.end)
      // Fully merged: neighbours differ in user or source.
      expect(next.userId === s.userId && sourceId(next) === sourceId(s)).toBe(false)
    }
  })
}

const RUNS = { numRuns: 60 }

describe('final schedule properties', () => {
  it('tiles [from, to) exactly: contiguous, no overlaps, no zero-length shifts, merged', () => {
    fc.assert(
      fc.property(anyScenario, ({ def, overrides, from, to }) => {
        expectTiling(computeFinalShifts(def, overrides, from, to), from, to)
        for (const layer of def.layers) expectTiling(computeLayerShifts(layer, def.timeZone, from, to), from, to)
      }),
      RUNS,
    )
  })

  it('agrees with the naive oracle at random instants', () => {
    fc.assert(
      fc.property(anyScenario, ({ def, overrides, from, to, probes }) => {
        const shifts = computeFinalShifts(def, overrides, from, to)
        for (const t of probes) {
          const shift = containing(shifts, t)
          expect({ userId: shift?.userId, sourceId: shift && sourceId(shift) }).toEqual(oracleAt(def, overrides, t))
        }
      }),
      RUNS,
    )
  })

  it('onCallAt agrees with the shift list, and a sub-range gives the same shifts clipped', () => {
    fc.assert(
      fc.property(anyScenario, ({ def, overrides, from, to, probes }) => {
        const shifts = computeFinalShifts(def, overrides, from, to)
        for (const t of probes) {
          const listed = containing(shifts, t) as Shift
          const found = onCallAt(def, overrides, t)
          expect({ ...found, start: Math.max(found.start, from), end: Math.min(found.end, to) }).toEqual(listed)
        }
        const mid = probes[0] as Instant
        const clipped = shifts
          .filter((s) => s.end > mid)
          .map((s) => ({ ...s, start: Math.max(s.start, mid) }))
        expect(computeFinalShifts(def, overrides, mid, to)).toEqual(mid === to ? [] : clipped)
      }),
      RUNS,
    )
  })

  it('stays consistent through the day Samoa skipped, for turns shorter than the gap', () => {
    // Clocks jumped from 2011-12-29 23:59:59 -10:00 to 2011-12-31 00:00 +14:00 (10:00Z).
    const gapEnd = Date.UTC(2011, 11, 30, 10)
    fc.assert(
      fc.property(
        layerArb(gapEnd, true, ['Pacific/Apia']),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: -6 * 3_600_000, max: 30 * 3_600_000 }),
        (base, hours, offset) => {
          const layer: Layer = { ...base, shiftUnit: 'hours', shiftLength: hours, startsAt: base.startsAt - 20 * DAY, endsAt: null }
          const def: ScheduleDef = { id: 's', timeZone: 'Pacific/Apia', layers: [{ ...layer, id: 'L0' }] }
          const t = gapEnd + offset
          const walked = containing(computeFinalShifts(def, [], gapEnd - 3 * DAY, gapEnd + 3 * DAY), t)
          const jumped = computeFinalShifts(def, [], t, gapEnd + 3 * DAY)[0]
          expect(jumped).toEqual({ ...walked, start: t })
          expect({ userId: walked?.userId, sourceId: walked && sourceId(walked) }).toEqual(oracleAt(def, [], t))
        },
      ),
      RUNS,
    )
  })

  it('never yields a gap from a started layer without restrictions or end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ERA_START, max: ERA_END }).chain((anchor) =>
          fc.tuple(layerArb(anchor, false), fc.constant(anchor), fc.integer({ min: 60_000, max: 60 * DAY }), fc.constantFrom(...ZONES)),
        ),
        ([layer, anchor, length, zone]) => {
          const from = Math.max(anchor, layer.startsAt)
          const shifts = computeLayerShifts(layer, zone, from, from + length)
          expect(shifts.filter((s) => s.userId === null)).toEqual([])
        },
      ),
      RUNS,
    )
  })

  it('hands off day and week rotations at the handoff time (or just after a gap swallowed it)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ERA_START, max: ERA_END }).chain((anchor) => fc.tuple(layerArb(anchor, false), fc.constant(anchor))),
        ([layer, anchor]) => {
          fc.pre(layer.shiftUnit !== 'hours' && new Set(layer.members).size === layer.members.length)
          const zone = layer.timeZone ?? 'UTC'
          const from = Math.max(anchor, layer.startsAt)
          for (const shift of computeLayerShifts(layer, zone, from, from + 120 * DAY).slice(1)) {
            const date = localDateOf(shift.start, zone)
            const candidates = [0, -1, -2].map((d) => localToInstant(zone, addLocalDays(date, d), layer.handoffTime))
            expect(candidates).toContain(shift.start)
          }
        },
      ),
      RUNS,
    )
  })
})
