import { parseInstant, type Instant } from '../../../lib/time'

/** A `[start, end)` stretch of time. */
export interface Span {
  readonly start: Instant
  readonly end: Instant
}

/** A span placed on a day's track, in percent of the day's length. */
export interface Placed<T extends Span = Span> {
  readonly span: T
  readonly left: number
  readonly width: number
}

/** Parses API intervals (RFC 3339 with offsets) into spans. */
export function spansOf(intervals: readonly { readonly start: string; readonly end: string }[]): Span[] {
  return intervals.map((i) => ({ start: parseInstant(i.start), end: parseInstant(i.end) }))
}

/** Removes every part of `from` covered by `remove`. */
export function subtractSpans(from: readonly Span[], remove: readonly Span[]): Span[] {
  let out = [...from]
  for (const r of remove) {
    out = out.flatMap((s) => {
      if (r.end <= s.start || r.start >= s.end) return [s]
      const parts: Span[] = []
      if (r.start > s.start) parts.push({ start: s.start, end: r.start })
      if (r.end < s.end) parts.push({ start: r.end, end: s.end })
      return parts
    })
  }
  return out
}

/**
 * The part of the deploy windows the support tail takes: inside a window, not deployable, and not
 * explained by a holiday or a freeze (those are drawn on their own).
 * @example supportTail([{9:00–17:00}], [{9:00–14:00}], []) // [{14:00–17:00}]
 */
export function supportTail(windows: readonly Span[], deployable: readonly Span[], blocked: readonly Span[]): Span[] {
  return subtractSpans(subtractSpans(windows, deployable), blocked)
}

/** Places the parts of `spans` that fall on `day`, clipped to it; spans of other days are dropped. */
export function placeOnDay<T extends Span>(spans: readonly T[], day: Span): Placed<T>[] {
  const length = day.end - day.start
  return spans
    .filter((s) => s.end > day.start && s.start < day.end)
    .map((s) => {
      const start = Math.max(s.start, day.start)
      const end = Math.min(s.end, day.end)
      return { span: s, left: ((start - day.start) / length) * 100, width: ((end - start) / length) * 100 }
    })
}

/** Where `instant` falls on `day`'s track in percent, or null when it is another day. */
export function positionOnDay(instant: Instant, day: Span): number | null {
  if (instant < day.start || instant >= day.end) return null
  return ((instant - day.start) / (day.end - day.start)) * 100
}

/**
 * Assigns markers at positions (percent) to lanes so that labels `minGap` apart never overlap;
 * input order is kept, lanes are 0-based.
 * @example markerLanes([10, 12, 40], 5) // [0, 1, 0]
 */
export function markerLanes(positions: readonly number[], minGap: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p)
  const laneEnds: number[] = []
  const lanes = new Array<number>(positions.length).fill(0)
  for (const { p, i } of order) {
    let lane = laneEnds.findIndex((end) => p - end >= minGap)
    if (lane === -1) {
      lane = laneEnds.length
      laneEnds.push(p)
    } else laneEnds[lane] = p
    lanes[i] = lane
  }
  return lanes
}
