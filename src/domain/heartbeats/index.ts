/**
 * Heartbeats: dead-man's switches for jobs that must report in. Pure logic only: the spec and
 * its validation, the ping state machine, expected ping times (interval or cron in a zone) and
 * the evaluation that decides whether to alarm. No I/O and no clock: `now` is a parameter.
 *
 * Semantics (details in evaluate.ts): N consecutive missed pings alarm, not one; `/fail`
 * alarms immediately or after N in a row; `/start` excuses a slow run up to interval + grace;
 * a restart of Tend never causes a false alarm for the time it was down (`observingSince`).
 * @module
 */
export type {
  ExpectedPing,
  FailMode,
  HeartbeatEvaluation,
  HeartbeatSchedule,
  HeartbeatSpec,
  HeartbeatState,
  HeartbeatStatus,
} from './model.js'
export { FAIL_MODES, MAX_COUNTED_MISSES } from './model.js'
export type { HeartbeatInput } from './normalize.js'
export { HEARTBEAT_LIMITS, normalizeHeartbeat } from './normalize.js'
export type { PingKind } from './ping.js'
export { lastFinishAt, lastRunDurationMs, PING_KINDS, recordPing, resolvesAlert } from './ping.js'
export { expectedDeadlines, nextExpectedAfter } from './schedule.js'
export { evaluateHeartbeat } from './evaluate.js'
export type { Heartbeat } from './store.js'
export { heartbeatDedupKey, listHeartbeats, getHeartbeat, createHeartbeat, updateHeartbeat, deleteHeartbeat, recordPingByToken, listPings, heartbeatFromRow, PING_BODY_LIMIT } from './store.js'
