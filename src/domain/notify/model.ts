import type { Instant } from '../../lib/time/index.js'
import type { ContactMethodType, Urgency } from '../users/index.js'

/**
 * What a message is: an alert page, a non-interrupting update to an engaged responder, a bundle
 * follow-up ("3 more alerts on api"), a test, a verification code, a handoff or team notice.
 */
export type NotificationKind = 'alert' | 'update' | 'bundle' | 'test' | 'verification' | 'handoff' | 'notice'

/**
 * pending → sending → sent; a reported failure goes back to pending with backoff, and to dead
 * after the last attempt. bundled: folded into a bundle follow-up; cancelled: the alert was
 * acknowledged or resolved first.
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'bundled' | 'cancelled'

export interface Notification {
  readonly id: string
  readonly alertId: string | null
  readonly serviceId: string | null
  readonly userId: string
  readonly contactMethodId: string | null
  readonly channel: ContactMethodType
  readonly kind: NotificationKind
  readonly urgency: Urgency
  readonly interrupting: boolean
  readonly status: NotificationStatus
  readonly notBefore: Instant
  readonly nextAttemptAt: Instant
  readonly attempts: number
  readonly lastError: string | null
  readonly providerId: string | null
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
  readonly createdAt: Instant
  readonly sentAt: Instant | null
}

/** A message to put in the outbox. */
export interface NewNotification {
  readonly alertId: string | null
  readonly serviceId: string | null
  readonly userId: string
  readonly contactMethodId: string | null
  readonly channel: ContactMethodType
  readonly kind: NotificationKind
  readonly urgency: Urgency
  readonly interrupting: boolean
  readonly status: 'pending' | 'bundled'
  readonly notBefore: Instant
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
}
