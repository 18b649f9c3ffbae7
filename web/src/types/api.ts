/** The fields the UI reads from Tend API responses (see /api/openapi.json); instants are RFC 3339 UTC strings. */

export interface User {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  readonly isAdmin: boolean
  readonly isDemo: boolean
}

/** The short form of a person embedded in shifts and handoffs. */
export interface UserRef {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
}

export interface Team {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly timeZone: string
  readonly isDemo: boolean
}

export interface TeamMember {
  readonly userId: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  /** The member's role in the team, e.g. `admin` or `responder`. */
  readonly role: string
}

export interface Service {
  readonly id: string
  readonly name: string
  readonly teamId: string
  readonly description: string
  /** Ids of the services this one depends on. */
  readonly dependsOn: readonly string[]
  readonly isDemo: boolean
}

export interface Layer {
  readonly id: string
  readonly name: string
  readonly timeZone: string | null
  readonly members: readonly string[]
}

export interface Schedule {
  readonly id: string
  readonly name: string
  readonly teamId: string
  readonly description: string
  /** IANA zone the schedule's local times are written in. */
  readonly timeZone: string
  readonly layers: readonly Layer[]
  readonly isDemo: boolean
}

/** Where a shift comes from: a rotation layer, an override, or nobody (a gap). */
export interface ShiftSource {
  readonly type: 'layer' | 'override' | 'gap'
  readonly layerId?: string
  readonly overrideId?: string
  readonly kind?: string
}

/** A `[start, end)` stretch with one person on call, or nobody when `user` is null. */
export interface Shift {
  readonly start: string
  readonly end: string
  readonly user: UserRef | null
  readonly source: ShiftSource
}

export interface Override {
  readonly id: string
  readonly scheduleId: string
  readonly userId: string
  readonly replacesUserId: string | null
  /** `manual`, `swap` or `relief`. */
  readonly kind: string
  readonly start: string
  readonly end: string
  readonly reason: string
}

export interface ScheduleShifts {
  readonly from: string
  readonly to: string
  readonly final: readonly Shift[]
  readonly layers: readonly { readonly id: string; readonly name: string; readonly shifts: readonly Shift[] }[]
  readonly overrides: readonly Override[]
}

export interface Handoff {
  readonly at: string
  readonly from: UserRef | null
  readonly to: UserRef | null
}

/** Who is on call on one schedule at `at` (the server's clock unless asked for another instant). */
export interface OnCall {
  readonly scheduleId: string
  readonly scheduleName: string
  readonly teamId: string
  readonly at: string
  readonly shift: Shift
  readonly nextHandoff: Handoff | null
}

export interface ListResponse<T> {
  readonly items: readonly T[]
}
