/**
 * Evaluating a heartbeat at an instant: a pure function of its spec, its recorded pings, `now`
 * and `observingSince`. Rules, in the order they apply:
 *
 * 1. Misses are counted from the last finished run (success or `/fail` ping), or from creation
 *    if the job never reported: each expected ping whose deadline (expected + grace) has been
 *    reached without a finish is one miss. They are consecutive by construction.
 * 2. N in a row, not 1: the alarm opens when misses reach `missesToAlarm` (Kubernetes probes'
 *    `failureThreshold` defaults to 3; Nagios's `max_check_attempts`; CloudWatch M-of-N with
 *    M = N). Healthchecks.io alarms on the first missed deadline; N = 1 does that here.
 * 3. Restarts never cause false alarms: Tend cannot have heard pings sent while it was down, so
 *    an expected ping only counts if it was due after `observingSince` (the process start),
 *    i.e. its deadline is after `observingSince + grace`. Every heartbeat gets a fresh grace
 *    period after a restart, and a dead job is still caught N intervals later.
 * 4. `/start` opens a run. While the run is younger than interval + grace, deadlines falling
 *    after its start are excused (the job is running, just slowly). A run that has not
 *    finished by then is presumed dead and excuses nothing.
 * 5. `/fail`: `immediate` alarms on one failure (Healthchecks.io); `after_n` on N in a row.
 * 6. The next success clears both (see recordPing); an open alert resolves only on that
 *    success (see resolvesAlert), never because a restart reset the count.
 */
import { DAY_MS, formatInstant, type Instant } from '../../lib/time/index.js'
import { MAX_COUNTED_MISSES, type HeartbeatEvaluation, type HeartbeatSpec, type HeartbeatState, type HeartbeatStatus } from './model.js'
import { lastFinishAt } from './ping.js'
import { coveredUntil, nextExpectedAfter } from './schedule.js'

interface OpenRun {
  readonly startedAt: Instant
  /** Start + interval + grace (for cron: the next cron time after the start, + grace). */
  readonly allowedUntil: Instant
}

interface MissCount {
  readonly missed: number
  /** The first deadline not yet counted, or null if the schedule never fires again. */
  readonly nextDeadline: Instant | null
}

/** The facts a verdict and its reason are built from. */
interface Facts {
  readonly spec: HeartbeatSpec
  readonly state: HeartbeatState
  readonly now: Instant
  readonly observingSince: Instant
  readonly anchor: Instant
  readonly firstDue: Instant | null
  readonly run: OpenRun | null
  readonly excusing: boolean
  readonly misses: MissCount
}

const fmt = (i: Instant | null): string => (i === null ? 'never' : formatInstant(i))

function openRun(spec: HeartbeatSpec, state: HeartbeatState, anchor: Instant): OpenRun | null {
  const startedAt = state.lastStartAt
  if (startedAt === null || startedAt <= anchor) return null
  const nextDue = nextExpectedAfter(spec.schedule, startedAt, startedAt)
  return { startedAt, allowedUntil: nextDue === null ? startedAt : nextDue + spec.graceSeconds * 1000 }
}

/** Counts deadlines reached by `limit` for pings due after `after`, up to MAX_COUNTED_MISSES. */
function countMisses(spec: HeartbeatSpec, anchor: Instant, after: Instant, limit: Instant): MissCount {
  const graceMs = spec.graceSeconds * 1000
  let missed = 0
  let due = nextExpectedAfter(spec.schedule, anchor, after)
  while (due !== null && due + graceMs <= limit && missed < MAX_COUNTED_MISSES) {
    missed += 1
    due = nextExpectedAfter(spec.schedule, anchor, due)
  }
  return { missed, nextDeadline: due === null ? null : due + graceMs }
}

function gatherFacts(spec: HeartbeatSpec, state: HeartbeatState, now: Instant, observingSince: Instant): Facts {
  const anchor = lastFinishAt(state) ?? state.createdAt
  const covered = coveredUntil(spec, anchor)
  const run = openRun(spec, state, anchor)
  const excusing = run !== null && now < run.allowedUntil
  // Deadlines at or after the run's start are excused while it may still finish: stop just before.
  const limit = excusing ? Math.min(now, run.startedAt - 1) : now
  const misses = countMisses(spec, anchor, Math.max(covered, observingSince), limit)
  const firstDue = nextExpectedAfter(spec.schedule, anchor, covered)
  return { spec, state, now, observingSince, anchor, firstDue, run, excusing, misses }
}

function failAlarms(f: Facts): boolean {
  const needed = f.spec.failMode === 'immediate' ? 1 : f.spec.missesToAlarm
  return f.state.consecutiveFails >= needed
}

function neverReported(state: HeartbeatState): boolean {
  return state.lastPingAt === null && state.lastFailAt === null && state.lastStartAt === null
}

function statusOf(f: Facts): HeartbeatStatus {
  if (f.misses.missed >= f.spec.missesToAlarm) return 'down'
  if (failAlarms(f)) return 'failing'
  const overdue = f.firstDue !== null && f.now >= f.firstDue && !f.excusing
  if (f.misses.missed > 0 || overdue) return 'late'
  return neverReported(f.state) ? 'new' : 'up'
}

function failNote(f: Facts): string {
  const fails = f.state.consecutiveFails
  if (fails === 0) return ''
  return `; ${fails} failure${fails === 1 ? '' : 's'} in a row (alarms at ${f.spec.failMode === 'immediate' ? 1 : f.spec.missesToAlarm})`
}

function lateReason(f: Facts): string {
  const n = f.spec.missesToAlarm
  if (f.misses.missed > 0) return `missed ${f.misses.missed} of ${n} expected pings in a row; last ping ${fmt(f.state.lastPingAt)}`
  const discounted = f.firstDue !== null && f.firstDue <= f.observingSince
  const restartNote = discounted ? `; pings due before Tend started watching at ${fmt(f.observingSince)} are not counted` : ''
  return `ping expected at ${fmt(f.firstDue)} is overdue; it counts as missed at ${fmt(f.misses.nextDeadline)}${restartNote}`
}

function reasonOf(status: HeartbeatStatus, f: Facts): string {
  switch (status) {
    case 'down':
      return `missed ${f.misses.missed} expected pings in a row (alarms at ${f.spec.missesToAlarm}); last ping ${fmt(f.state.lastPingAt)}`
    case 'failing':
      return f.spec.failMode === 'immediate'
        ? `the job reported failure at ${fmt(f.state.lastFailAt)}`
        : `${f.state.consecutiveFails} failures in a row (alarms at ${f.spec.missesToAlarm}); last at ${fmt(f.state.lastFailAt)}`
    case 'late':
      return lateReason(f) + failNote(f)
    case 'new':
      return `waiting for the first ping, due at ${fmt(f.firstDue)}`
    case 'up':
      return f.excusing && f.run !== null
        ? `run in progress since ${fmt(f.run.startedAt)}, allowed until ${fmt(f.run.allowedUntil)}${failNote(f)}`
        : `last ping ${fmt(f.state.lastPingAt)}; next expected at ${fmt(f.firstDue)}${failNote(f)}`
  }
}

function nextCheckOf(f: Facts): Instant {
  const candidates = [
    f.firstDue,
    f.excusing && f.run !== null ? f.run.allowedUntil : f.misses.nextDeadline,
  ].filter((t): t is Instant => t !== null && t > f.now)
  // Only a cron that never fires again leaves nothing to wait for; look again tomorrow.
  return candidates.length === 0 ? f.now + DAY_MS : Math.min(...candidates)
}

/**
 * Returns the heartbeat's status at `now`: whether to alarm, why, and when to look again.
 * `observingSince` is when this Tend process started watching (rule 3 in the module comment).
 * @example evaluateHeartbeat(spec, state, clock.now(), processStartedAt).alarm
 */
export function evaluateHeartbeat(spec: HeartbeatSpec, state: HeartbeatState, now: Instant, observingSince: Instant): HeartbeatEvaluation {
  const facts = gatherFacts(spec, state, now, observingSince)
  const status = statusOf(facts)
  return {
    status,
    missed: facts.misses.missed,
    alarm: status === 'down' || status === 'failing',
    reason: reasonOf(status, facts),
    nextCheckAt: nextCheckOf(facts),
  }
}
