/**
 * The final schedule: who is on call, from the layer stack and the overrides.
 *
 * At each instant:
 * 1. Each layer has its rotation turn's member on call, inside its restriction windows and
 *    within [startsAt, endsAt); otherwise nobody.
 * 2. The topmost (last) layer that has somebody wins; if none has, it is a gap.
 * 3. Overrides cover [start, end). Of those covering the instant that apply, the newest
 *    (highest createdSeq, then highest id) wins. An override with replacesUserId applies only
 *    while the layers (step 2, before any override) put that user on call; without it, the
 *    override applies throughout its range, filling gaps too.
 * Gaps are reported as shifts with userId null and never filled.
 *
 * Computation sweeps the boundaries of layer turns, windows and overrides in the range, so a
 * year costs a few thousand steps however long ago a layer began. Results are exact tilings of
 * [from, to) with adjacent shifts of identical user and source merged; because every decision
 * is made per instant, a shorter range gives the same shifts clipped to it.
 */
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Handoff, Layer, Override, ScheduleDef, Shift, ShiftSource } from './model.js'
import { clipToWindows, restrictionWindows } from './restrictions.js'
import { layerZone, rotationTurns, type Turn } from './rotation.js'

/** How far onCallAt looks either side of an instant, and nextHandoff ahead of it. */
export const SEARCH_HORIZON_MS = 90 * DAY_MS

const GAP: ShiftSource = Object.freeze({ type: 'gap' })

/** Returns a layer's on-call turns within [from, to), restrictions applied; gaps left out. */
function layerTurns(layer: Layer, scheduleZone: string, from: Instant, to: Instant): Turn[] {
  const turns = rotationTurns(layer, scheduleZone, from, to)
  if (layer.restrictions.length === 0 || turns.length === 0) return turns
  return clipToWindows(turns, restrictionWindows(layer.restrictions, layerZone(layer, scheduleZone), from, to))
}

/** Returns one layer's shifts tiling [from, to), gaps included. */
export function computeLayerShifts(layer: Layer, scheduleZone: string, from: Instant, to: Instant): Shift[] {
  assertRange(from, to)
  const source: ShiftSource = { type: 'layer', layerId: layer.id }
  const shifts: Shift[] = []
  let cursor = from
  for (const turn of layerTurns(layer, scheduleZone, from, to)) {
    if (turn.start > cursor) shifts.push({ start: cursor, end: turn.start, userId: null, source: GAP })
    shifts.push({ start: turn.start, end: turn.end, userId: turn.userId, source })
    cursor = turn.end
  }
  if (cursor < to) shifts.push({ start: cursor, end: to, userId: null, source: GAP })
  return mergeAdjacent(shifts)
}

/** Returns the final schedule's shifts tiling [from, to): layers stacked, overrides on top, gaps as null shifts. */
export function computeFinalShifts(
  def: ScheduleDef,
  overrides: readonly Override[],
  from: Instant,
  to: Instant,
): Shift[] {
  assertRange(from, to)
  const layers = def.layers.map((layer) => ({ id: layer.id, turns: layerTurns(layer, def.timeZone, from, to), next: 0 }))
  const relevant = overrides.filter((o) => o.end > o.start && o.start < to && o.end > from)
  const cuts = boundaries(from, to, layers.flatMap((l) => l.turns), relevant)
  const overrideAt = overrideSweep(relevant)
  const shifts: Shift[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as Instant
    const base = topLayerAt(layers, start)
    const override = overrideAt(start, base?.userId ?? null)
    const end = cuts[i + 1] as Instant
    if (override !== undefined) {
      const source: ShiftSource = { type: 'override', overrideId: override.id, kind: override.kind }
      shifts.push({ start, end, userId: override.userId, source })
    } else if (base !== undefined) {
      shifts.push({ start, end, userId: base.userId, source: { type: 'layer', layerId: base.layerId } })
    } else {
      shifts.push({ start, end, userId: null, source: GAP })
    }
  }
  return mergeAdjacent(shifts)
}

interface LayerCursor {
  readonly id: string
  readonly turns: readonly Turn[]
  next: number
}

/** Returns the topmost layer's member on call at `at`; `at` must not decrease between calls. */
function topLayerAt(layers: LayerCursor[], at: Instant): { userId: string; layerId: string } | undefined {
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l] as LayerCursor
    while (layer.next < layer.turns.length && (layer.turns[layer.next] as Turn).end <= at) layer.next++
    const turn = layer.turns[layer.next]
    if (turn !== undefined && turn.start <= at) return { userId: turn.userId, layerId: layer.id }
  }
  return undefined
}

/** Returns a lookup of the winning override at non-decreasing instants, given the layer-computed user. */
function overrideSweep(overrides: readonly Override[]): (at: Instant, layerUserId: string | null) => Override | undefined {
  const byStart = [...overrides].sort((a, b) => a.start - b.start)
  let next = 0
  let active: Override[] = []
  return (at, layerUserId) => {
    const before = next
    while (next < byStart.length && (byStart[next] as Override).start <= at) active.push(byStart[next++] as Override)
    if (next > before) active.sort(newestFirst)
    if (active.some((o) => o.end <= at)) active = active.filter((o) => o.end > at)
    return active.find((o) => o.replacesUserId === null || o.replacesUserId === layerUserId)
  }
}

function newestFirst(a: Override, b: Override): number {
  if (a.createdSeq !== b.createdSeq) return b.createdSeq - a.createdSeq
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/** Returns every instant in [from, to] where the answer may change, sorted and unique. */
function boundaries(from: Instant, to: Instant, turns: readonly Turn[], overrides: readonly Override[]): Instant[] {
  const points = [from, to]
  for (const t of turns) points.push(t.start, t.end)
  for (const o of overrides) points.push(Math.max(o.start, from), Math.min(o.end, to))
  // A typed array sorts numerically without a comparator callback: the sweep's hottest sort.
  const sorted = Float64Array.from(points).sort()
  return Array.from(sorted).filter((p, i) => i === 0 || p !== sorted[i - 1])
}

function sameSource(a: ShiftSource, b: ShiftSource): boolean {
  if (a.type === 'layer' && b.type === 'layer') return a.layerId === b.layerId
  if (a.type === 'override' && b.type === 'override') return a.overrideId === b.overrideId
  return a.type === 'gap' && b.type === 'gap'
}

function mergeAdjacent(shifts: readonly Shift[]): Shift[] {
  const merged: Shift[] = []
  for (const s of shifts) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.end === s.start && last.userId === s.userId && sameSource(last.source, s.source)) {
      merged[merged.length - 1] = { ...last, end: s.end }
    } else {
      merged.push(s)
    }
  }
  return merged
}

function assertRange(from: Instant, to: Instant): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) {
    throw new RangeError(`invalid range [${from}, ${to}): from must not be after to`)
  }
}

/**
 * Returns the final shift containing `at`, with its real start and end (clipped to
 * SEARCH_HORIZON_MS either side of `at`).
 */
export function onCallAt(def: ScheduleDef, overrides: readonly Override[], at: Instant): Shift {
  // Widen the window until the shift is seen to start and end inside it, or the horizon is hit.
  for (let reach = DAY_MS; ; reach *= 2) {
    const span = Math.min(reach, SEARCH_HORIZON_MS)
    const from = at - span
    const to = at + span
    const shift = computeFinalShifts(def, overrides, from, to).find((s) => s.start <= at && at < s.end) as Shift
    const atHorizon = span === SEARCH_HORIZON_MS
    if (atHorizon || (shift.start > from && shift.end < to)) return shift
  }
}

/** Returns the first change of on-call user after `at` within SEARCH_HORIZON_MS, or null if none. */
export function nextHandoff(def: ScheduleDef, overrides: readonly Override[], at: Instant): Handoff | null {
  const horizon = at + SEARCH_HORIZON_MS
  let current: string | null | undefined
  let chunkStart = at
  // Growing chunks: the next handoff is usually within days, so most calls compute little.
  for (let length = DAY_MS; chunkStart < horizon; length *= 2) {
    const chunkEnd = Math.min(chunkStart + length, horizon)
    for (const shift of computeFinalShifts(def, overrides, chunkStart, chunkEnd)) {
      if (current === undefined) current = shift.userId
      else if (shift.userId !== current) return { at: shift.start, from: current, to: shift.userId }
    }
    chunkStart = chunkEnd
  }
  return null
}

/** Returns the final shifts within [from, to) in which `userId` is on call. */
export function shiftsForUser(
  def: ScheduleDef,
  overrides: readonly Override[],
  userId: string,
  from: Instant,
  to: Instant,
): Shift[] {
  return computeFinalShifts(def, overrides, from, to).filter((s) => s.userId === userId)
}
