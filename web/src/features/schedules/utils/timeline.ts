import { addLocalDays, formatDay, startOfLocalDay, wallClock, type Instant } from '../../../lib/time'
import type { Shift } from '../../../types/api'

/** The `[from, to)` stretch a timeline shows. */
export interface TimelineRange {
  readonly from: Instant
  readonly to: Instant
}

/** A shift placed on the timeline, in percent of the range's width. */
export interface TimelineBlock {
  readonly shift: Shift
  readonly start: Instant
  readonly end: Instant
  readonly left: number
  readonly width: number
  /** The shift began before the range (or ends after it): the block shows only part of it. */
  readonly clippedStart: boolean
  readonly clippedEnd: boolean
}

/** A calendar day column in the schedule's zone. */
export interface TimelineDay {
  readonly start: Instant
  readonly left: number
  readonly width: number
  readonly label: string
  readonly weekend: boolean
}

/** Where `instant` falls across the range, in percent; null outside it. */
export function positionOf(instant: Instant, range: TimelineRange): number | null {
  if (instant < range.from || instant > range.to) return null
  return ((instant - range.from) / (range.to - range.from)) * 100
}

/** Places shifts on the range, clipping those that overhang it and dropping those outside. */
export function layoutShifts(shifts: readonly Shift[], range: TimelineRange): TimelineBlock[] {
  const span = range.to - range.from
  const blocks: TimelineBlock[] = []
  for (const shift of shifts) {
    const start = Date.parse(shift.start)
    const end = Date.parse(shift.end)
    const from = Math.max(start, range.from)
    const to = Math.min(end, range.to)
    if (to <= from) continue
    blocks.push({
      shift, start, end,
      left: ((from - range.from) / span) * 100,
      width: ((to - from) / span) * 100,
      clippedStart: start < range.from,
      clippedEnd: end > range.to,
    })
  }
  return blocks
}

/** The calendar days of the range in `zone`; a DST day is 23 or 25 hours wide, as it is on the clock. */
export function daysOf(range: TimelineRange, zone: string): TimelineDay[] {
  const span = range.to - range.from
  const days: TimelineDay[] = []
  for (let day = startOfLocalDay(range.from, zone); day < range.to; ) {
    const next = addLocalDays(day, zone, 1)
    const start = Math.max(day, range.from)
    const end = Math.min(next, range.to)
    const weekday = wallClock(day, zone).weekday
    days.push({ start, left: ((start - range.from) / span) * 100, width: ((end - start) / span) * 100, label: formatDay(day, zone), weekend: weekday === 0 || weekday === 6 })
    day = next
  }
  return days
}

/** The 14 days shown, starting `weekOffset` weeks from the local day containing `now`. */
export function fortnightFrom(now: Instant, zone: string, weekOffset: number): TimelineRange {
  const from = addLocalDays(startOfLocalDay(now, zone), zone, weekOffset * 7)
  return { from, to: addLocalDays(from, zone, 14) }
}
