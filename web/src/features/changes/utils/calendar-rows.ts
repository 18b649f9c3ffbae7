import { parseInstant, type Instant } from '../../../lib/time'
import type { CalendarPolicyIntervals, ChangeSummary, Deployment, Freeze } from '../../../types/api'
import { markerLanes, placeOnDay, positionOnDay, spansOf, supportTail, type Placed, type Span } from './calendar-layout'
import type { CalendarDay } from './week'

/** A planned change or a deployment, pinned to its instant on a day's track. */
export interface CalendarMarker {
  readonly kind: 'change' | 'deployment'
  readonly id: string
  readonly at: Instant
  readonly left: number
  /** 0 = top lane; markers close together stack down. */
  readonly lane: number
  readonly label: string
  readonly change?: ChangeSummary
  readonly deployment?: Deployment
}

/** Everything drawn on one day of the calendar. */
export interface CalendarRow {
  readonly day: CalendarDay
  readonly windows: readonly Placed[]
  readonly deployable: readonly Placed[]
  /** Inside a window, no longer deployable: the support tail. */
  readonly tail: readonly Placed[]
  readonly staffed: readonly Placed[]
  readonly holidays: readonly Placed[]
  readonly freezes: readonly Placed<Span & { readonly freeze: Freeze }>[]
  readonly markers: readonly CalendarMarker[]
  /** Where "now" is on this day's track, or null on other days. */
  readonly now: number | null
}

/** Markers closer than this (percent of a day, about 1 h 40 min) go to separate lanes so their labels stay readable. */
const MARKER_GAP = 7

/** When a change shows on the calendar: planned, else started, else finished. */
export function changeInstant(c: ChangeSummary): Instant | null {
  const at = c.plannedAt ?? c.startedAt ?? c.finishedAt
  return at === null ? null : parseInstant(at)
}

/**
 * Lays out one team's week: its windows with the deployable part and the support tail, staffed
 * hours, holidays, freezes, planned changes and deployments, and the "now" line, day by day.
 */
export function calendarRows(
  policy: CalendarPolicyIntervals,
  input: { readonly freezes: readonly Freeze[]; readonly changes: readonly ChangeSummary[]; readonly deployments: readonly Deployment[] },
  days: readonly CalendarDay[],
  now: Instant,
): CalendarRow[] {
  const windows = spansOf(policy.windows)
  const deployable = spansOf(policy.deployable)
  const holidays = spansOf(policy.holidays)
  const freezes = input.freezes.map((freeze) => ({ start: parseInstant(freeze.start), end: parseInstant(freeze.end), freeze }))
  const tail = supportTail(windows, deployable, [...holidays, ...freezes])
  const staffed = spansOf(policy.staffed)
  const points = [
    ...input.changes.flatMap((c) => {
      const at = changeInstant(c)
      return at === null ? [] : [{ kind: 'change' as const, id: c.id, at, label: c.key, change: c }]
    }),
    ...input.deployments.map((d) => ({ kind: 'deployment' as const, id: d.id, at: parseInstant(d.startedAt), label: d.kind === 'rollback' ? `↩ ${d.version}` : d.version, deployment: d })),
  ]
  return days.map((day) => {
    const placed = points.flatMap((p) => {
      const left = positionOnDay(p.at, day)
      return left === null ? [] : [{ ...p, left }]
    })
    const lanes = markerLanes(placed.map((p) => p.left), MARKER_GAP)
    return {
      day,
      windows: placeOnDay(windows, day),
      deployable: placeOnDay(deployable, day),
      tail: placeOnDay(tail, day),
      staffed: placeOnDay(staffed, day),
      holidays: placeOnDay(holidays, day),
      freezes: placeOnDay(freezes, day),
      markers: placed.map((p, i) => ({ ...p, lane: lanes[i] ?? 0 })),
      now: positionOnDay(now, day),
    }
  })
}
