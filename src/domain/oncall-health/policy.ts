/**
 * A team's on-call health policy: every setting of this domain in one value, with Tend's
 * defaults, and a normalizer that returns a validated copy or throws E_VALIDATION listing every
 * bad field by path (`relief.recovery.hours`), as schedules/normalize.ts does. The bounds keep
 * settings humane and computations small; they are not external rules.
 */
import { FieldErrors } from '../../lib/errors.js'
import { DEFAULT_NIGHT_PAGE_BUDGET } from './budget.js'
import { DEFAULT_COMPENSATION_POLICY, type CompensationPolicy } from './compensation.js'
import { DEFAULT_RECOVERY_HOURS, DEFAULT_RELIEF_RULE, type RecoveryRule, type ReliefRule } from './relief.js'
import { DEFAULT_SLEEP_IN_POLICY, type SleepInPolicy } from './sleep-in.js'
import { DEFAULT_WAKE_UP_SPAN_MINUTES } from './wake-ups.js'

/** Every on-call health setting of a team. */
export interface OnCallHealthPolicy {
  readonly wakeUpSpanMinutes: number
  readonly sleepIn: SleepInPolicy
  readonly relief: ReliefRule
  /** Sleep-hours wake-ups per on-call week. */
  readonly nightPageBudget: number
  readonly compensation: CompensationPolicy
}

/** The defaults, each documented where it is defined. */
export const DEFAULT_ON_CALL_HEALTH_POLICY: OnCallHealthPolicy = Object.freeze({
  wakeUpSpanMinutes: DEFAULT_WAKE_UP_SPAN_MINUTES,
  sleepIn: DEFAULT_SLEEP_IN_POLICY,
  relief: DEFAULT_RELIEF_RULE,
  nightPageBudget: DEFAULT_NIGHT_PAGE_BUDGET,
  compensation: DEFAULT_COMPENSATION_POLICY,
})

/** A policy as received: anything left out takes the default. */
export interface OnCallHealthPolicyInput {
  readonly wakeUpSpanMinutes?: number | undefined
  readonly sleepIn?: { readonly mode?: string | undefined; readonly hours?: number | undefined } | undefined
  readonly relief?:
    | {
        readonly wakeUpsPerNight?: number | undefined
        readonly wakeUpsPerWeek?: number | undefined
        readonly recovery?: { readonly mode?: string | undefined; readonly hours?: number | undefined } | undefined
      }
    | undefined
  readonly nightPageBudget?: number | undefined
  readonly compensation?: { readonly factor?: number | undefined; readonly countSleepHoursPagesAsMinutes?: number | undefined } | undefined
}

/** Validates a policy, filling defaults; throws E_VALIDATION listing every bad field. */
export function normalizeOnCallHealthPolicy(input: OnCallHealthPolicyInput): OnCallHealthPolicy {
  const errors = new FieldErrors()
  const d = DEFAULT_ON_CALL_HEALTH_POLICY
  const policy: OnCallHealthPolicy = {
    wakeUpSpanMinutes: readNumber(input.wakeUpSpanMinutes, d.wakeUpSpanMinutes, 'wakeUpSpanMinutes', { min: 0, max: 180, integer: true }, errors),
    sleepIn: readSleepIn(input.sleepIn, errors),
    relief: readRelief(input.relief, errors),
    nightPageBudget: readNumber(input.nightPageBudget, d.nightPageBudget, 'nightPageBudget', { min: 0, max: 50, integer: true }, errors),
    compensation: {
      factor: readNumber(input.compensation?.factor, d.compensation.factor, 'compensation.factor', { min: 0, max: 10 }, errors),
      countSleepHoursPagesAsMinutes: readNumber(
        input.compensation?.countSleepHoursPagesAsMinutes,
        d.compensation.countSleepHoursPagesAsMinutes,
        'compensation.countSleepHoursPagesAsMinutes',
        { min: 0, max: 1440, integer: true },
        errors,
      ),
    },
  }
  errors.throwIfAny()
  return policy
}

function readSleepIn(input: OnCallHealthPolicyInput['sleepIn'], errors: FieldErrors): SleepInPolicy {
  const d = DEFAULT_SLEEP_IN_POLICY
  const hours = readNumber(input?.hours, d.hours, 'sleepIn.hours', { min: 0, max: 24 }, errors)
  const mode = input?.mode ?? d.mode
  if (mode === 'next-working-day-later' || mode === 'after-wake-up') return { mode, hours }
  errors.add('sleepIn.mode', "must be 'next-working-day-later' or 'after-wake-up'")
  return d
}

function readRelief(input: OnCallHealthPolicyInput['relief'], errors: FieldErrors): ReliefRule {
  const d = DEFAULT_RELIEF_RULE
  return {
    wakeUpsPerNight: readNumber(input?.wakeUpsPerNight, d.wakeUpsPerNight, 'relief.wakeUpsPerNight', { min: 1, max: 20, integer: true }, errors),
    wakeUpsPerWeek: readNumber(input?.wakeUpsPerWeek, d.wakeUpsPerWeek, 'relief.wakeUpsPerWeek', { min: 1, max: 100, integer: true }, errors),
    recovery: readRecovery(input?.recovery, errors),
  }
}

function readRecovery(input: { readonly mode?: string | undefined; readonly hours?: number | undefined } | undefined, errors: FieldErrors): RecoveryRule {
  const mode = input?.mode ?? DEFAULT_RELIEF_RULE.recovery.mode
  if (mode === 'end-of-shift') {
    if (input?.hours !== undefined) errors.add('relief.recovery.hours', "only applies to mode 'recovery-period'")
    return { mode }
  }
  if (mode !== 'recovery-period') {
    errors.add('relief.recovery.mode', "must be 'recovery-period' or 'end-of-shift'")
    return DEFAULT_RELIEF_RULE.recovery
  }
  return { mode, hours: readNumber(input?.hours, DEFAULT_RECOVERY_HOURS, 'relief.recovery.hours', { min: 1, max: 336 }, errors) }
}

/** Inclusive bounds of a numeric setting. */
interface Bounds {
  readonly min: number
  readonly max: number
  readonly integer?: boolean
}

function readNumber(value: number | undefined, fallback: number, field: string, bounds: Bounds, errors: FieldErrors): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.add(field, 'must be a number')
  else if (bounds.integer === true && !Number.isInteger(value)) errors.add(field, 'must be a whole number')
  else if (value < bounds.min || value > bounds.max) errors.add(field, `must be between ${bounds.min} and ${bounds.max}`)
  else return value
  return fallback
}
