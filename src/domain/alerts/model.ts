import type { Instant } from '../../lib/time/index.js'
import type { Severity } from '../services/index.js'
import type { Urgency } from '../users/index.js'

/** triggered → acknowledged → resolved; a trigger on an acknowledged alert keeps it acknowledged. */
export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved'

/** What a resolved alert turned out to be, for noise ranking and reports. */
export type AlertOutcome = 'actionable' | 'noise' | 'duplicate'
export const ALERT_OUTCOMES: readonly AlertOutcome[] = ['actionable', 'noise', 'duplicate']

export interface AlertLink {
  readonly href: string
  readonly text?: string | undefined
}

export interface Alert {
  readonly id: string
  readonly serviceId: string
  readonly dedupKey: string
  readonly status: AlertStatus
  readonly urgency: Urgency
  readonly summary: string
  readonly source: string
  readonly severity: Severity
  readonly component: string | null
  readonly group: string | null
  readonly class: string | null
  readonly details: Record<string, unknown>
  readonly links: readonly AlertLink[]
  /** How it was raised: `integration:<id>`, `manual`, or a system source such as `system:unreachable`. */
  readonly origin: string
  readonly createdBy: string | null
  readonly createdAt: Instant
  readonly updatedAt: Instant
  readonly lastEventAt: Instant
  readonly eventCount: number
  readonly acknowledgedAt: Instant | null
  readonly acknowledgedBy: string | null
  readonly resolvedAt: Instant | null
  readonly resolvedBy: string | null
  readonly outcome: AlertOutcome | null
  readonly outcomeNote: string | null
  readonly policyId: string | null
  readonly escalationStep: number
  readonly escalationLoop: number
  readonly nextEscalationAt: Instant | null
  /** People paged directly (a person-to-person page) instead of through the service's policy. */
  readonly directTargets: readonly string[] | null
}

/** An inbound event after its format was read: what every intake adapter produces. */
export interface AlertEvent {
  readonly action: 'trigger' | 'acknowledge' | 'resolve'
  readonly dedupKey: string
  readonly summary: string
  readonly source: string
  readonly severity: Severity
  /** Set by formats that carry urgency directly (generic webhook, manual pages). */
  readonly urgency?: Urgency | undefined
  readonly component?: string | undefined
  readonly group?: string | undefined
  readonly class?: string | undefined
  readonly details: Record<string, unknown>
  readonly links: readonly AlertLink[]
  readonly timestamp?: Instant | undefined
}

/** The timeline entry kinds, in the words the UI shows. */
export type AlertLogKind =
  | 'triggered'
  | 'deduplicated'
  | 'acknowledged'
  | 'resolved'
  | 'escalated'
  | 'escalation_exhausted'
  | 'nobody_on_call'
  | 'notified'
  | 'notification_failed'
  | 'notification_held'
  | 'bundled'
  | 'reassigned'
  | 'outcome'
  | 'event_ignored'
  | 'note'
