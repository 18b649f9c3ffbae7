/**
 * Validation of heartbeat definitions: input in, a validated HeartbeatSpec out, or an
 * E_VALIDATION error listing every bad field.
 *
 * Bounds: interval and grace 60 s to 365 days, Healthchecks.io's range (hc/front/forms.py);
 * N from 1 to 100. Defaults: N = 3 (Kubernetes probes' failureThreshold default), failures
 * alarm immediately (Healthchecks.io), grace 5 minutes (ours: long enough for a slow start,
 * short enough that N = 3 on a 5-minute job alarms within 20 minutes).
 */
import { FieldErrors } from '../../lib/errors.js'
import { canonicalTimeZone, cronSchedule, cronScheduleError } from '../../lib/time/index.js'
import { FAIL_MODES, MAX_COUNTED_MISSES, type FailMode, type HeartbeatSchedule, type HeartbeatSpec } from './model.js'

/** A heartbeat definition as received: exactly one of intervalSeconds and cron. */
export interface HeartbeatInput {
  readonly intervalSeconds?: number | null | undefined
  readonly cron?: string | null | undefined
  /** IANA zone the cron expression is read in; required with cron, ignored with an interval. */
  readonly timeZone?: string | null | undefined
  readonly graceSeconds?: number | null | undefined
  readonly missesToAlarm?: number | null | undefined
  readonly failMode?: string | null | undefined
}

const YEAR_SECONDS = 365 * 86_400

/** Bounds and defaults of heartbeat fields. */
export const HEARTBEAT_LIMITS = Object.freeze({
  intervalSeconds: { min: 60, max: YEAR_SECONDS },
  graceSeconds: { min: 60, max: YEAR_SECONDS, default: 300 },
  missesToAlarm: { min: 1, max: MAX_COUNTED_MISSES, default: 3 },
  failMode: { default: 'immediate' as FailMode },
})

function checkInteger(errors: FieldErrors, field: string, value: number, bounds: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    errors.add(field, `must be a whole number from ${bounds.min} to ${bounds.max}`)
  }
}

function normalizeSchedule(input: HeartbeatInput, errors: FieldErrors): HeartbeatSchedule | null {
  const hasInterval = input.intervalSeconds !== undefined && input.intervalSeconds !== null
  const hasCron = input.cron !== undefined && input.cron !== null && input.cron.trim() !== ''
  if (hasInterval === hasCron) {
    errors.add(hasInterval ? 'cron' : 'intervalSeconds', 'give exactly one of intervalSeconds and cron')
    return null
  }
  if (hasInterval) {
    const intervalSeconds = input.intervalSeconds as number
    checkInteger(errors, 'intervalSeconds', intervalSeconds, HEARTBEAT_LIMITS.intervalSeconds)
    return { kind: 'interval', intervalSeconds }
  }
  return normalizeCron(input.cron as string, input.timeZone, errors)
}

function normalizeCron(cron: string, zoneInput: string | null | undefined, errors: FieldErrors): HeartbeatSchedule | null {
  const timeZone = zoneInput === undefined || zoneInput === null ? null : canonicalTimeZone(zoneInput)
  if (timeZone === null) {
    errors.add('timeZone', zoneInput ? `unknown IANA time zone "${zoneInput}"` : 'required with cron (an IANA name such as "Europe/Berlin")')
    return null
  }
  const problem = cronScheduleError(cron, timeZone)
  if (problem !== null) {
    errors.add('cron', problem)
    return null
  }
  return { kind: 'cron', cron: cronSchedule(cron, timeZone).expression, timeZone }
}

/**
 * Returns a validated copy of a heartbeat definition with defaults filled in, or throws an
 * E_VALIDATION AppError naming every bad field.
 * @example normalizeHeartbeat({ cron: '0 2 * * *', timeZone: 'America/New_York', missesToAlarm: 1 })
 */
export function normalizeHeartbeat(input: HeartbeatInput): HeartbeatSpec {
  const errors = new FieldErrors()
  const schedule = normalizeSchedule(input, errors)
  const graceSeconds = input.graceSeconds ?? HEARTBEAT_LIMITS.graceSeconds.default
  checkInteger(errors, 'graceSeconds', graceSeconds, HEARTBEAT_LIMITS.graceSeconds)
  const missesToAlarm = input.missesToAlarm ?? HEARTBEAT_LIMITS.missesToAlarm.default
  checkInteger(errors, 'missesToAlarm', missesToAlarm, HEARTBEAT_LIMITS.missesToAlarm)
  const failMode = input.failMode ?? HEARTBEAT_LIMITS.failMode.default
  if (!(FAIL_MODES as readonly string[]).includes(failMode)) errors.add('failMode', `must be one of ${FAIL_MODES.join(', ')}`)
  errors.throwIfAny()
  return { schedule: schedule as HeartbeatSchedule, graceSeconds, missesToAlarm, failMode: failMode as FailMode }
}
