/**
 * The vocabulary of on-call health: the inputs (notification records, alerts, final shifts, a
 * person's local hours) and what is derived from them (pages, classified pages, wake-ups).
 *
 * Input shapes are `Pick`s of the records other domains already store, so a store can pass its
 * rows straight in. Every range is half-open, [start, end), in epoch milliseconds.
 */
import type { Instant, LocalDate } from '../../lib/time/index.js'
import type { Alert } from '../alerts/index.js'
import type { Notification } from '../notify/index.js'
import type { User } from '../users/index.js'

/** A half-open stretch of time [start, end). */
export interface TimeRange {
  readonly start: Instant
  readonly end: Instant
}

/** What this domain needs to know about a person: their zone and their local hours. */
export type PersonHours = Pick<User, 'id' | 'timeZone' | 'sleepHours' | 'workingHours'>

/** One message to one person on one channel, as the outbox records it. */
export type NotificationRecord = Pick<Notification, 'alertId' | 'userId' | 'sentAt' | 'interrupting' | 'status'>

/** An alert's lifecycle times; `acknowledgedBy` is a user id when a person acknowledged. */
export type AlertRecord = Pick<Alert, 'id' | 'createdAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt'>

/** A stretch of a final schedule; `userId` null is a gap (nobody on call) and is ignored. */
export interface OnCallShift {
  readonly userId: string | null
  readonly start: Instant
  readonly end: Instant
}

/** An interruption: the first interrupting notification for an alert that reached a person. */
export interface Page {
  readonly alertId: string
  readonly userId: string
  readonly at: Instant
}

/**
 * PagerDuty's interruption buckets, applied in the person's own zone and hours:
 * 'sleep' inside sleep hours, 'working' inside working hours, 'off' for the rest.
 */
export type PageBucket = 'sleep' | 'off' | 'working'

/** Every bucket, in the order reports show them. */
export const PAGE_BUCKETS: readonly PageBucket[] = Object.freeze(['sleep', 'off', 'working'])

/** A sleep period turned into instants, keyed by the local date on which it began. */
export interface SleepPeriod {
  readonly start: Instant
  readonly end: Instant
  /** The night: the local date of the evening (or day) the sleep period began. */
  readonly night: LocalDate
}

/** A page with its bucket and, for sleep-hours pages, the sleep period it interrupted. */
export interface ClassifiedPage extends Page {
  readonly bucket: PageBucket
  /** The person's zone when classified, so later text can show their local times. */
  readonly timeZone: string
  /** Set exactly when bucket is 'sleep'. */
  readonly sleepPeriod: SleepPeriod | null
}

/** Sleep-hours pages close together in one night: the person was woken once. */
export interface WakeUp {
  readonly userId: string
  readonly timeZone: string
  readonly night: LocalDate
  /** The first page of the group. */
  readonly start: Instant
  /** The last page of the group. */
  readonly end: Instant
  readonly sleepPeriod: SleepPeriod
  readonly alertIds: readonly string[]
}
