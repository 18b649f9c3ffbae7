/**
 * Restrictions: the weekly windows in which a layer has somebody on call.
 *
 * A restriction opens on each listed local day (in the layer's zone) at `start` and closes at
 * `end` that day, or the next day when `end` is not after `start` (equal = a whole wall-clock
 * day, 23h or 25h across DST). Both ends become instants by the time module's rule: a window
 * opening at a skipped 02:30 opens at 03:30, a repeated 01:30 is its first occurrence, and a
 * window that opens in a gap and closes before the gap's length has passed (02:30–03:00 on a
 * spring-forward day) is empty that day. Windows of all restrictions and days are unioned.
 *
 * Outside the union the layer has nobody. Inside it, whoever's rotation turn it is is on call:
 * restrictions never pause or shift the rotation.
 */
import {
  DAY_MINUTES,
  instantToWallMinutes,
  localTimeMinutes,
  startOfWallDay,
  wallToInstant,
  weekdayOfWall,
  type Instant,
  type WallMinutes,
  type Weekday,
} from '../../lib/time/index.js'
import type { Restriction } from './model.js'

/** A half-open stretch of time [start, end). */
export interface Interval {
  readonly start: Instant
  readonly end: Instant
}

/** A restriction with its times as minutes, parsed once per computation. */
interface DailyWindow {
  readonly days: readonly Weekday[]
  readonly opensAfterMidnight: number
  readonly minutes: number
}

/** Returns the union of the restriction windows within [from, to): sorted, disjoint, clipped. */
export function restrictionWindows(
  restrictions: readonly Restriction[],
  zone: string,
  from: Instant,
  to: Instant,
): Interval[] {
  if (from >= to) return []
  const daily = restrictions.map((r) => ({
    days: r.days,
    opensAfterMidnight: localTimeMinutes(r.start),
    minutes: windowMinutes(r),
  }))
  const windows: Interval[] = []
  // A window lasts at most a wall-clock day (plus a DST gap), so windows opening two days before
  // `from` can still reach it; a day after `to` covers repeated hours around midnight.
  const last = startOfWallDay(instantToWallMinutes(to, zone)) + DAY_MINUTES
  for (let day = startOfWallDay(instantToWallMinutes(from, zone)) - 2 * DAY_MINUTES; day <= last; day += DAY_MINUTES) {
    windows.push(...windowsOpeningOn(daily, zone, day as WallMinutes))
  }
  return clipped(union(windows), from, to)
}

function windowsOpeningOn(daily: readonly DailyWindow[], zone: string, midnight: WallMinutes): Interval[] {
  const weekday = weekdayOfWall(midnight)
  const windows: Interval[] = []
  for (const w of daily) {
    if (!w.days.includes(weekday)) continue
    const opens = midnight + w.opensAfterMidnight
    const start = wallToInstant(zone, opens as WallMinutes)
    const end = wallToInstant(zone, (opens + w.minutes) as WallMinutes)
    if (end > start) windows.push({ start, end })
  }
  return windows
}

/** Returns a restriction's wall-clock length in minutes: 1–1440. */
export function windowMinutes(r: Restriction): number {
  const minutes = localTimeMinutes(r.end) - localTimeMinutes(r.start)
  return minutes > 0 ? minutes : minutes + DAY_MINUTES
}

function union(windows: Interval[]): Interval[] {
  const sorted = [...windows].sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const w of sorted) {
    const last = merged[merged.length - 1]
    if (last === undefined || w.start > last.end) merged.push(w)
    else merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, w.end) }
  }
  return merged
}

function clipped(windows: Interval[], from: Instant, to: Instant): Interval[] {
  return windows
    .filter((w) => w.end > from && w.start < to)
    .map((w) => ({ start: Math.max(w.start, from), end: Math.min(w.end, to) }))
}

/** Returns the parts of sorted, disjoint items that lie inside sorted, disjoint windows. */
export function clipToWindows<T extends Interval>(items: readonly T[], windows: readonly Interval[]): T[] {
  const pieces: T[] = []
  let w = 0
  for (const item of items) {
    while (w < windows.length && (windows[w] as Interval).end <= item.start) w++
    for (let k = w; k < windows.length && (windows[k] as Interval).start < item.end; k++) {
      const window = windows[k] as Interval
      const start = Math.max(item.start, window.start)
      const end = Math.min(item.end, window.end)
      if (end > start) pieces.push({ ...item, start, end })
    }
  }
  return pieces
}
