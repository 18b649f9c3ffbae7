/**
 * The time-based rules (allow windows, holidays, support tail, freezes) as "allowed" intervals
 * over a range, and the earliest instant at which all of them allow. Argo CD's sync-window
 * semantics: once any allow window exists only its times allow, and every deny (holiday, tail,
 * freeze) wins over an allow, which is what intersecting the allowed intervals means.
 */
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import { holidayIntervals, supportTailIntervals, windowIntervals } from './calendar.js'
import { classifyFreezes, freezeInterval } from './freezes.js'
import { firstInstantFrom, intersectIntervals, subtractIntervals, type Interval } from './intervals.js'
import type { GateInput } from './model.js'

/** How far ahead the gate looks for the next allowed time, unless told otherwise. */
export const DEFAULT_HORIZON_DAYS = 60

/** What the time rules need to know: no on-call facts, which cannot be predicted. */
export type TimeRuleInput = Pick<GateInput, 'at' | 'serviceId' | 'teamId' | 'policy' | 'freezes' | 'change'> & {
  readonly kind?: GateInput['kind']
}

/** Each time rule as the intervals of the range in which it allows a deploy. */
export interface TimeRuleIntervals {
  readonly window: Interval[]
  readonly notHoliday: Interval[]
  readonly supportTail: Interval[]
  readonly notFrozen: Interval[]
}

/** Computes every time rule over `range`. */
export function timeRuleIntervals(input: TimeRuleInput, range: Interval): TimeRuleIntervals {
  const { denying } = classifyFreezes(input.freezes, input, input.change)
  return {
    window: intersectIntervals(windowIntervals(input.policy, range), [range]),
    notHoliday: subtractIntervals(range, holidayIntervals(input.policy)),
    supportTail: intersectIntervals(supportTailIntervals(input.policy, range), [range]),
    notFrozen: subtractIntervals(range, denying.map(freezeInterval)),
  }
}

/** The intervals in which every time rule allows. */
export function allowedIntervals(rules: TimeRuleIntervals): Interval[] {
  return [rules.window, rules.notHoliday, rules.supportTail, rules.notFrozen].reduce((acc, next) => intersectIntervals(acc, next))
}

/** The range [at, at + horizonDays) searched for the next allowed time. */
export const horizonRange = (at: Instant, horizonDays: number): Interval => ({ start: at, end: at + horizonDays * DAY_MS })

/**
 * Returns the earliest instant ≥ `at` at which windows, holidays, the support tail and freezes
 * (net of this change's exceptions) all allow a deploy, or null when none does within the horizon.
 * A rollback is always allowed, so its answer is `at`. Covers time rules only: whether someone is
 * on call then, and whether alerts are open, is for the caller to check at that time.
 * @example nextAllowedTime({ at, serviceId, teamId, policy, freezes: [], change: null }) // Mon 09:00
 */
export function nextAllowedTime(input: TimeRuleInput, horizonDays: number = DEFAULT_HORIZON_DAYS): Instant | null {
  if (input.kind === 'rollback') return input.at
  const rules = timeRuleIntervals(input, horizonRange(input.at, horizonDays))
  return firstInstantFrom(allowedIntervals(rules), input.at)
}
