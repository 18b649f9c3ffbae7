/**
 * Heartbeat types: what a monitored job promises (its schedule), what Tend has heard from it
 * (its state), and what an evaluation concludes at an instant.
 */
import type { Instant } from '../../lib/time/index.js'

/** When pings are expected: every fixed interval after the last one, or at each cron time in a zone. */
export type HeartbeatSchedule =
  | { readonly kind: 'interval'; readonly intervalSeconds: number }
  | { readonly kind: 'cron'; readonly cron: string; readonly timeZone: string }

/**
 * How `/fail` pings alarm. `immediate`: one failure alarms (Healthchecks.io's behaviour).
 * `after_n`: `missesToAlarm` failures in a row alarm, for jobs that fail now and then and retry.
 */
export type FailMode = 'immediate' | 'after_n'
export const FAIL_MODES: readonly FailMode[] = ['immediate', 'after_n']

/** A validated heartbeat definition (see normalizeHeartbeat). */
export interface HeartbeatSpec {
  readonly schedule: HeartbeatSchedule
  /** Extra time after each expected ping before that ping counts as missed. */
  readonly graceSeconds: number
  /** N: the alert opens only after N consecutive missed pings. */
  readonly missesToAlarm: number
  readonly failMode: FailMode
}

/** What Tend has recorded from the job's pings (see recordPing). */
export interface HeartbeatState {
  /** Last successful ping (`/ping/<id>`). */
  readonly lastPingAt: Instant | null
  /** Last `/start` ping: a run began. */
  readonly lastStartAt: Instant | null
  /** Last `/fail` ping. */
  readonly lastFailAt: Instant | null
  /** Failures since the last success. */
  readonly consecutiveFails: number
  readonly createdAt: Instant
}

/**
 * - `new`: never pinged and nothing is due yet.
 * - `up`: the last run reported in on time (or a run is in progress within its allowance).
 * - `late`: a ping is overdue, but fewer than N have been missed.
 * - `down`: N or more consecutive pings were missed: alarm.
 * - `failing`: the job reported failure (once, or N times in a row for `after_n`): alarm.
 */
export type HeartbeatStatus = 'new' | 'up' | 'late' | 'down' | 'failing'

/** The verdict of evaluateHeartbeat at one instant. */
export interface HeartbeatEvaluation {
  readonly status: HeartbeatStatus
  /** Consecutive missed pings counted since the last finished run (saturates at MAX_COUNTED_MISSES). */
  readonly missed: number
  /** Whether an alert should be open: status is `down` or `failing`. */
  readonly alarm: boolean
  readonly reason: string
  /** When the verdict can next change without a new ping: evaluate again then. */
  readonly nextCheckAt: Instant
}

/** One expected ping: when it is due and when it counts as missed (due + grace). */
export interface ExpectedPing {
  readonly expectedAt: Instant
  readonly deadline: Instant
}

/** The largest allowed N; miss counts stop there, so a long-dead cron job costs bounded work. */
export const MAX_COUNTED_MISSES = 100
