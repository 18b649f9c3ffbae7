/**
 * Rotation: when a layer hands off, and whose turn it is.
 *
 * Anchor rule. A layer's handoffs lie on a wall-clock grid in the layer's zone (its own, or the
 * schedule's when null):
 *
 *     handoff g = (local date of startsAt, handoffTime) + g × shiftLength units,  g any integer
 *
 * computed on the wall clock: days and weeks add calendar days, hours add wall-clock hours. So
 * a weekly 09:00 handoff stays at 09:00 local across DST (a 167h or 169h turn), and a 12h
 * rotation at 09:00 hands off at 09:00 and 21:00 every day (11h/13h turns on DST days). Each
 * handoff becomes an instant by the time module's rule: a skipped time moves forward by the
 * gap (a 02:30 handoff on a spring-forward day happens at 03:30), a repeated time happens at
 * its first occurrence.
 *
 * The grid turn that contains startsAt belongs to members[0] (it may have begun before
 * startsAt and is clipped to it); every later turn goes to the next member, wrapping around.
 * A startsAt before that day's handoff therefore gives members[0] only the hours until it.
 *
 * Turns never overlap: a handoff pushed forward by a gap longer than a turn (Samoa skipped a
 * whole day in 2011) is pulled back to the earliest later handoff, so that turn is empty.
 */
import {
  instantToWallMinutes,
  localDateOf,
  MINUTE_MS,
  resolveWall,
  wallMinutesOf,
  wallToInstant,
  type Instant,
  type WallMinutes,
} from '../../lib/time/index.js'
import type { Layer, ShiftUnit } from './model.js'

const UNIT_MINUTES: Readonly<Record<ShiftUnit, number>> = { hours: 60, days: 1440, weeks: 10_080 }

/** A layer's handoff grid: where it is anchored, how far apart handoffs are, and whose turn is which. */
export interface RotationGrid {
  readonly zone: string
  readonly anchor: WallMinutes
  readonly stepMinutes: number
  /** Grid index of the turn containing startsAt, which is members[0]'s. */
  readonly firstTurnIndex: number
  readonly members: readonly string[]
}

/** One member's turn, clipped to the range asked for. */
export interface Turn {
  readonly start: Instant
  readonly end: Instant
  readonly userId: string
}

/** Returns the zone a layer's handoffs and restrictions are read in. */
export function layerZone(layer: Layer, scheduleZone: string): string {
  return layer.timeZone ?? scheduleZone
}

/** Builds a layer's handoff grid (see the anchor rule above). */
export function rotationGrid(layer: Layer, scheduleZone: string): RotationGrid {
  const zone = layerZone(layer, scheduleZone)
  const grid = {
    zone,
    anchor: wallMinutesOf(localDateOf(layer.startsAt, zone), layer.handoffTime),
    stepMinutes: layer.shiftLength * UNIT_MINUTES[layer.shiftUnit],
    firstTurnIndex: 0,
    members: layer.members,
  }
  return { ...grid, firstTurnIndex: gridIndexAt(grid, layer.startsAt) }
}

/** Returns the instant of grid handoff `g`; never later than any later handoff. */
export function handoffAt(grid: RotationGrid, g: number): Instant {
  const wall = (grid.anchor + g * grid.stepMinutes) as WallMinutes
  const resolved = resolveWall(grid.zone, wall)
  if (resolved.kind !== 'gap') return resolved.instant
  // Only handoffs within the gap's length after this one can land earlier than it.
  let earliest = resolved.instant
  for (let j = 1; j * grid.stepMinutes * MINUTE_MS < resolved.gapMs; j++) {
    earliest = Math.min(earliest, wallToInstant(grid.zone, (wall + j * grid.stepMinutes) as WallMinutes))
  }
  return earliest
}

/** Returns the grid index of the turn containing `at`: the last handoff at or before it. */
export function gridIndexAt(grid: RotationGrid, at: Instant): number {
  // The wall clock at `at` gives the index up to a step or two around DST; walk to the exact one.
  let g = Math.floor((instantToWallMinutes(at, grid.zone) - grid.anchor) / grid.stepMinutes)
  while (handoffAt(grid, g) > at) g--
  while (handoffAt(grid, g + 1) <= at) g++
  return g
}

/** Returns whose turn grid index `g` is. */
export function memberAt(grid: RotationGrid, g: number): string {
  const n = grid.members.length
  return grid.members[(((g - grid.firstTurnIndex) % n) + n) % n] as string
}

/**
 * Returns the layer's turns within [from, to), ignoring restrictions: contiguous from
 * max(from, startsAt) to min(to, endsAt), none of zero length.
 */
export function rotationTurns(layer: Layer, scheduleZone: string, from: Instant, to: Instant): Turn[] {
  const start = Math.max(from, layer.startsAt)
  const end = Math.min(to, layer.endsAt ?? Number.POSITIVE_INFINITY)
  if (start >= end || layer.members.length === 0) return []
  const grid = rotationGrid(layer, scheduleZone)
  const turns: Turn[] = []
  // Start at the turn containing `start`: O(1) however long ago the layer began.
  let g = gridIndexAt(grid, start)
  let turnStart = start
  while (turnStart < end) {
    const turnEnd = Math.min(handoffAt(grid, g + 1), end)
    if (turnEnd > turnStart) turns.push({ start: turnStart, end: turnEnd, userId: memberAt(grid, g) })
    turnStart = turnEnd
    g++
  }
  return turns
}
