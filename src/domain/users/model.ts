import type { Instant, LocalTime, Weekday } from '../../lib/time/index.js'

/** Local daily hours in the person's zone; `end <= start` means the span crosses midnight. */
export interface DailyHours {
  readonly start: LocalTime
  readonly end: LocalTime
}

export interface WorkingHours extends DailyHours {
  readonly days: readonly Weekday[]
}

export interface User {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  /** Default 22:00–08:00, PagerDuty's sleep-hour bucket, so figures compare. */
  readonly sleepHours: DailyHours
  /** Default Mon–Fri 09:00–17:00. */
  readonly workingHours: WorkingHours
  readonly isAdmin: boolean
  readonly isDemo: boolean
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/**
 * Channel types. email, webhook and slack deliver today; sms, voice and push are accepted and
 * stored so people can be set up ahead of the gateways that will deliver them.
 */
export type ContactMethodType = 'email' | 'webhook' | 'slack' | 'sms' | 'voice' | 'push'

export const CONTACT_METHOD_TYPES: readonly ContactMethodType[] = ['email', 'webhook', 'slack', 'sms', 'voice', 'push']

/** Whether a type wakes a person unless they say otherwise (email, as PagerDuty counts it, does not). */
export const INTERRUPTING_BY_DEFAULT: Readonly<Record<ContactMethodType, boolean>> = {
  email: false,
  webhook: false,
  slack: false,
  sms: true,
  voice: true,
  push: true,
}

export interface ContactMethod {
  readonly id: string
  readonly userId: string
  readonly type: ContactMethodType
  readonly label: string
  readonly address: string
  readonly interrupting: boolean
  readonly verified: boolean
  readonly verifiedAt: Instant | null
  readonly createdAt: Instant
}

/** High urgency pages at once; low urgency is held until the person's working hours. */
export type Urgency = 'high' | 'low'

export const URGENCIES: readonly Urgency[] = ['high', 'low']

/** Notify on `contactMethodId` `delayMinutes` after an alert of `urgency` reaches the person. */
export interface NotificationRule {
  readonly id: string
  readonly userId: string
  readonly contactMethodId: string
  readonly urgency: Urgency
  readonly delayMinutes: number
}

export const DEFAULT_SLEEP_HOURS = { start: '22:00', end: '08:00' } as const
export const DEFAULT_WORKING_HOURS = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' } as const
