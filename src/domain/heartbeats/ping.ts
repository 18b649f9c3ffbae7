/**
 * Recording pings: the pure state transition the ping endpoint applies, in the spirit of
 * Healthchecks.io's signals (`/ping/<id>` success, `/ping/<id>/start`, `/ping/<id>/fail`).
 */
import type { Instant } from '../../lib/time/index.js'
import type { HeartbeatState } from './model.js'

/** The kinds of ping a job can send. */
export type PingKind = 'success' | 'start' | 'fail'
export const PING_KINDS: readonly PingKind[] = ['success', 'start', 'fail']

// Pings can arrive out of order (retries, two instances of a job): never move a time backwards.
const latest = (current: Instant | null, at: Instant): Instant => (current === null ? at : Math.max(current, at))

/** Returns the state after a ping of `kind` at `at`; a success resets the failure count. */
export function recordPing(state: HeartbeatState, kind: PingKind, at: Instant): HeartbeatState {
  switch (kind) {
    case 'success':
      return { ...state, lastPingAt: latest(state.lastPingAt, at), consecutiveFails: 0 }
    case 'start':
      return { ...state, lastStartAt: latest(state.lastStartAt, at) }
    case 'fail':
      return { ...state, lastFailAt: latest(state.lastFailAt, at), consecutiveFails: state.consecutiveFails + 1 }
  }
}

/** Returns when the last run finished (success or failure), or null if none has. */
export function lastFinishAt(state: HeartbeatState): Instant | null {
  if (state.lastPingAt === null) return state.lastFailAt
  if (state.lastFailAt === null) return state.lastPingAt
  return Math.max(state.lastPingAt, state.lastFailAt)
}

/**
 * Returns how long the last finished run took, from its `/start` to its finish, or null when
 * no start preceded the finish. Assumes every run sends `/start` (only the latest is kept).
 */
export function lastRunDurationMs(state: HeartbeatState): number | null {
  const finish = lastFinishAt(state)
  if (finish === null || state.lastStartAt === null || state.lastStartAt > finish) return null
  return finish - state.lastStartAt
}

/**
 * Whether an open heartbeat alert should resolve: only a success after it opened does that
 * ("resolves on the next successful ping"), never a restart that reset the miss count.
 */
export function resolvesAlert(state: HeartbeatState, alertOpenedAt: Instant): boolean {
  return state.lastPingAt !== null && state.lastPingAt > alertOpenedAt && state.consecutiveFails === 0
}
