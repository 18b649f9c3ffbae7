/**
 * The deploy gate's vocabulary: a service's deploy policy, freezes, the facts a caller gathers
 * about "now", and the decision with every reason. Pure data; evaluation lives in evaluate.ts.
 */
import type { FieldError } from '../../lib/errors.js'
import type { Instant, LocalDate, LocalTime, Weekday } from '../../lib/time/index.js'

/** A normalized value, or every field error found (errors are values, with field paths). */
export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] }

/** A weekly allow window in the policy's zone; `end <= start` means it crosses midnight. */
export interface AllowWindow {
  readonly days: readonly Weekday[]
  readonly start: LocalTime
  readonly end: LocalTime
}

/** The owning team's staffed hours in the policy's zone; `end <= start` crosses midnight. */
export interface StaffedHours {
  readonly days: readonly Weekday[]
  readonly start: LocalTime
  readonly end: LocalTime
}

/** Which non-time checks a policy enforces. Each one denies when it fails (see evaluate.ts). */
export interface GateChecks {
  /** Someone reachable must cover every minute of [at, at + tail]. */
  readonly requireOnCall: boolean
  /** Deny when the person covering any part of [at, at + tail] would be in their sleep hours. */
  readonly denyIfOnCallAsleep: boolean
  /** Deny while cover is a relief override: the regular on-call is recovering from a bad night. */
  readonly denyIfOnCallRelieved: boolean
  /** Deny when the team's night-page budget for the period is spent. */
  readonly denyIfNightBudgetSpent: boolean
  /** Deny while high-urgency alerts are open: do not change a system that is already on fire. */
  readonly denyIfOpenHighUrgencyAlert: boolean
  /** Deny unless the deploy belongs to an approved (or started) change request. */
  readonly requireApprovedChange: boolean
}

/** When and under which conditions a service may deploy. All local times are in `timeZone`. */
export interface DeployPolicy {
  /** IANA zone of the windows, staffed hours and holidays, normally the owning team's. */
  readonly timeZone: string
  /** Weekly allow windows; empty = no window restriction (the other rules still apply). */
  readonly windows: readonly AllowWindow[]
  /** Staffed time that must remain after a deploy, in minutes (default 180). */
  readonly supportTailMinutes: number
  readonly staffedHours: StaffedHours
  /** Local dates on which nobody deploys and nobody is staffed. */
  readonly holidays: readonly LocalDate[]
  readonly checks: GateChecks
}

/** What a freeze applies to. */
export type FreezeScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'teams'; readonly teamIds: readonly string[] }
  | { readonly kind: 'services'; readonly serviceIds: readonly string[] }

/** A one-off period [start, end) in which deploys in scope are denied (peak season, migrations). */
export interface Freeze {
  readonly id: string
  readonly name: string
  readonly start: Instant
  readonly end: Instant
  readonly scope: FreezeScope
  readonly reason: string
}

/** Change-request states, mirrored from the change-requests domain (a type test keeps them equal). */
export type GateChangeState = 'draft' | 'submitted' | 'approved' | 'in_progress' | 'done' | 'rolled_back' | 'cancelled'

/** The change request a deploy belongs to, as far as the gate needs it. */
export interface GateChange {
  readonly id: string
  readonly state: GateChangeState
  readonly type: 'standard' | 'normal' | 'emergency'
  /** Whether the change has at least one concrete rollback step (the caller decides with change-requests). */
  readonly hasRollbackPlan: boolean
  /** Ids of freezes this change has an approved exception for. */
  readonly approvedFreezeExceptions: readonly string[]
}

/**
 * Who covers one stretch [from, to) of the support tail [at, at + tail], as the caller computed it
 * from the final schedule. Consecutive facts should tile the tail; uncovered time counts as a gap.
 */
export interface OnCallFact {
  readonly from: Instant
  readonly to: Instant
  /** null = nobody is on call for this stretch (a schedule gap). */
  readonly userId: string | null
  readonly userName: string | null
  /** The person's own sleep hours overlap this stretch. */
  readonly asleepDuring: boolean
  /** The cover is a relief override: the regular on-call was relieved after a bad night. */
  readonly relieved: boolean
  /** The person has a verified interrupting contact method (see readiness). */
  readonly reachable: boolean
}

/** Facts about the present that only the caller can know; the gate does no I/O. */
export interface GateFacts {
  readonly onCall: readonly OnCallFact[]
  /** Open high-urgency alerts on this service (and, if the caller wants, its dependencies). */
  readonly openHighUrgencyAlerts: number
  readonly nightBudgetSpent: boolean
}

/** Everything evaluateDeploy needs. */
export interface GateInput {
  readonly at: Instant
  readonly serviceId: string
  readonly teamId: string
  readonly kind: 'deploy' | 'rollback'
  readonly policy: DeployPolicy
  readonly freezes: readonly Freeze[]
  readonly change: GateChange | null
  readonly facts: GateFacts
}

/** Stable reason codes; scripts and the UI key on them. */
export type GateReasonCode =
  | 'WINDOW_CLOSED'
  | 'HOLIDAY'
  | 'SUPPORT_TAIL'
  | 'FREEZE'
  | 'NO_ONCALL'
  | 'ONCALL_ASLEEP'
  | 'ONCALL_RELIEVED'
  | 'NIGHT_BUDGET_SPENT'
  | 'OPEN_HIGH_URGENCY_ALERT'
  | 'NO_APPROVED_CHANGE'
  | 'NO_ROLLBACK_PLAN'
  | 'ROLLBACK_ALWAYS_ALLOWED'
  | 'FREEZE_EXCEPTION'

/**
 * What a reason does to the decision:
 * - 'deny': blocks the deploy;
 * - 'warn': would block a deploy, but this is a rollback, so it is only reported;
 * - 'allow': explains why something that looks blocking is not (exception, rollback).
 */
export type GateReasonEffect = 'deny' | 'warn' | 'allow'

/** One reason, with a message a person can act on and, for time rules, when it stops applying. */
export interface GateReason {
  readonly code: GateReasonCode
  readonly effect: GateReasonEffect
  /** Human text with local times, e.g. "deploy window closed until Tue 09:00 Europe/Berlin". */
  readonly message: string
  /** When this rule alone stops denying; absent when it cannot be predicted (on-call, alerts, approval). */
  readonly until?: Instant
}

/** The gate's answer: allowed or not, with every reason rather than just the first. */
export interface GateDecision {
  readonly allowed: boolean
  readonly reasons: readonly GateReason[]
  /**
   * The earliest instant ≥ evaluatedAt at which the time rules (windows, holidays, support tail,
   * freezes net of this change's exceptions) allow a deploy; null when none within the horizon.
   * On-call, alerts, night budget and approval are not predicted: the caller re-checks at that time.
   */
  readonly nextAllowedAt: Instant | null
  readonly evaluatedAt: Instant
}
