/**
 * Schedule types. A schedule is a stack of layers (bottom → top) in an IANA zone; each layer is
 * a rotation of members with optional weekly restrictions; overrides sit on top of the stack.
 * All instants are epoch milliseconds (Instant); all times of day are wall-clock LocalTime.
 */
import type { Instant, LocalTime, Weekday } from '../../lib/time/index.js'

/** Unit of a layer's shift length: wall-clock hours, calendar days or calendar weeks. */
export type ShiftUnit = 'hours' | 'days' | 'weeks'

/** Every shift unit, for validation and UI pickers. */
export const SHIFT_UNITS: readonly ShiftUnit[] = Object.freeze(['hours', 'days', 'weeks'])

/**
 * A weekly window in the layer's zone: on each listed local day (the day the window starts),
 * from `start` to `end`. `end` earlier than `start` ends the next day; `end` equal to `start`
 * means a whole wall-clock day (24h, or 23h/25h across DST).
 */
export interface Restriction {
  readonly days: readonly Weekday[]
  readonly start: LocalTime
  readonly end: LocalTime
}

/** One rotation of members in a schedule. */
export interface Layer {
  readonly id: string
  readonly name: string
  /** null = the schedule's zone; a zone of its own lets follow-the-sun layers live elsewhere. */
  readonly timeZone: string | null
  /** The first shift begins here; the layer has nobody before it. */
  readonly startsAt: Instant
  /** The layer has nobody from here on; null = never ends. */
  readonly endsAt: Instant | null
  readonly shiftLength: number
  readonly shiftUnit: ShiftUnit
  /** Wall-clock time of handoffs in the layer's zone. */
  readonly handoffTime: LocalTime
  /** User ids in rotation order; a user may appear more than once. */
  readonly members: readonly string[]
  /** Empty = always on; otherwise the layer has somebody only inside these windows. */
  readonly restrictions: readonly Restriction[]
}

/** Why someone (or nobody) covers a stretch of time in an override. */
export type OverrideKind = 'manual' | 'swap' | 'relief'

/** Every override kind, for validation. */
export const OVERRIDE_KINDS: readonly OverrideKind[] = Object.freeze(['manual', 'swap', 'relief'])

/** A person put on call over the layers for [start, end). */
export interface Override {
  readonly id: string
  readonly userId: string
  /** Applies only while the layers put this user on call; null = applies throughout, gaps included. */
  readonly replacesUserId: string | null
  readonly start: Instant
  readonly end: Instant
  readonly kind: OverrideKind
  /** Creation order; where overrides overlap, the higher (newer) one wins. */
  readonly createdSeq: number
}

/** The parts of a schedule that decide who is on call. */
export interface ScheduleDef {
  readonly id: string
  readonly timeZone: string
  /** Bottom → top: later layers take precedence. */
  readonly layers: readonly Layer[]
}

/** What put a shift's user on call. */
export type ShiftSource =
  | { readonly type: 'layer'; readonly layerId: string }
  | { readonly type: 'override'; readonly overrideId: string; readonly kind: OverrideKind }
  | { readonly type: 'gap' }

/** A stretch [start, end) with one person on call, or nobody (a gap). */
export interface Shift {
  readonly start: Instant
  readonly end: Instant
  /** null = a gap: nobody is on call. */
  readonly userId: string | null
  readonly source: ShiftSource
}

/** A change of on-call person. */
export interface Handoff {
  readonly at: Instant
  readonly from: string | null
  readonly to: string | null
}
