/**
 * Half-open instant intervals [start, end) and the set operations the time rules are built from.
 * Every time rule is "the intervals in which it allows"; combining rules is intersecting them,
 * which keeps precedence exact and makes "next allowed time" a lookup, not a minute-by-minute scan.
 */
import type { Instant } from '../../lib/time/index.js'

export interface Interval {
  readonly start: Instant
  readonly end: Instant
}

/** Sorts and merges overlapping or touching intervals, dropping empty ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start)
  const out: Interval[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && i.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, i.end) }
    else out.push(i)
  }
  return out
}

/** Returns the parts of `a` that are also in `b` (both may be unsorted). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a)
  const right = mergeIntervals(b)
  const out: Interval[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    const l = left[i] as Interval
    const r = right[j] as Interval
    const start = Math.max(l.start, r.start)
    const end = Math.min(l.end, r.end)
    if (end > start) out.push({ start, end })
    if (l.end < r.end) i++
    else j++
  }
  return out
}

/** Returns the parts of `range` not covered by `holes`. */
export function subtractIntervals(range: Interval, holes: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  let cursor = range.start
  for (const h of mergeIntervals(holes)) {
    if (h.end <= cursor || h.start >= range.end) continue
    if (h.start > cursor) out.push({ start: cursor, end: h.start })
    cursor = Math.max(cursor, h.end)
  }
  if (cursor < range.end) out.push({ start: cursor, end: range.end })
  return out
}

/** Whether `at` lies inside one of the intervals. */
export function coversInstant(intervals: readonly Interval[], at: Instant): boolean {
  return intervals.some((i) => i.start <= at && at < i.end)
}

/** The earliest instant ≥ `at` inside the intervals, or null when there is none. */
export function firstInstantFrom(intervals: readonly Interval[], at: Instant): Instant | null {
  let best: Instant | null = null
  for (const i of intervals) {
    if (i.end <= at) continue
    const candidate = Math.max(i.start, at)
    if (best === null || candidate < best) best = candidate
  }
  return best
}
