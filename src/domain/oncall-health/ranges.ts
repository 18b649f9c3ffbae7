/**
 * Arithmetic on half-open time ranges [start, end): clipping, merging and measuring. Burden
 * figures add up lengths of time, so overlapping inputs (one person on two schedules at once,
 * two alerts engaged at the same time) must be merged first or they would be counted twice.
 */
import type { Instant } from '../../lib/time/index.js'
import type { TimeRange } from './model.js'

/** Returns the part of `r` inside `within`, or null when they do not overlap. */
export function clipRange(r: TimeRange, within: TimeRange): TimeRange | null {
  const start = Math.max(r.start, within.start)
  const end = Math.min(r.end, within.end)
  return start < end ? { start, end } : null
}

/** Returns the ranges sorted and merged so none overlap or touch; empty ranges are dropped. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const out: TimeRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) }
    else out.push({ start: r.start, end: r.end })
  }
  return out
}

/** Returns the total length in ms covered by the ranges, overlaps counted once. */
export function coveredMs(ranges: readonly TimeRange[]): number {
  return mergeRanges(ranges).reduce((sum, r) => sum + (r.end - r.start), 0)
}

/** Returns the ms of `r` that fall inside any of `ranges` (overlaps among them counted once). */
export function overlapMs(r: TimeRange, ranges: readonly TimeRange[]): number {
  return coveredMs(ranges.map((x) => clipRange(x, r)).filter((x): x is TimeRange => x !== null))
}

/** Returns the longest stretch of continuous coverage, in ms (adjacent ranges join). */
export function longestStretchMs(ranges: readonly TimeRange[]): number {
  return mergeRanges(ranges).reduce((max, r) => Math.max(max, r.end - r.start), 0)
}

/** Whether `at` lies in [r.start, r.end). */
export function contains(r: TimeRange, at: Instant): boolean {
  return r.start <= at && at < r.end
}
