/**
 * "May this service deploy at instant T?" Precedence, tested in evaluate.test.ts:
 * 1. Once any allow window exists, only its times allow (no windows = no window restriction).
 * 2. Deny wins over allow: a holiday, the support tail or a freeze denies even inside a window.
 * 3. An approved freeze exception lifts only the freeze it names, never the tail, a missing
 *    on-call or any other rule.
 * 4. A rollback is always allowed (freeze, holiday, closed window, nobody on call): undoing a
 *    change lowers risk. Every rule that would have denied is still listed, as a warning.
 * Every reason is reported, not just the first, so one run tells people everything to fix.
 */
import { factReasons } from './fact-reasons.js'
import { firstInstantFrom } from './intervals.js'
import type { GateDecision, GateInput, GateReason } from './model.js'
import { timeReasons } from './time-reasons.js'
import { allowedIntervals, DEFAULT_HORIZON_DAYS, horizonRange, timeRuleIntervals } from './time-rules.js'

function rollbackDecision(input: GateInput, found: readonly GateReason[]): GateDecision {
  const warnings = found.map((r): GateReason => (r.effect === 'deny' ? { ...r, effect: 'warn' } : r))
  const blocked = warnings.filter((r) => r.effect === 'warn').length
  const note = blocked === 0 ? '' : ` (${blocked} rule${blocked === 1 ? '' : 's'} that would stop a deploy are listed as warnings)`
  const always: GateReason = { code: 'ROLLBACK_ALWAYS_ALLOWED', effect: 'allow', message: `rollbacks are always allowed: undoing a change lowers risk${note}` }
  return { allowed: true, reasons: [always, ...warnings], nextAllowedAt: input.at, evaluatedAt: input.at }
}

/**
 * Decides whether a deploy (or rollback) of `input.serviceId` may run at `input.at`, listing every
 * reason. `nextAllowedAt` covers the time rules only (see GateDecision). The policy is expected
 * to come from validateDeployPolicy (an unknown zone throws a RangeError from lib/time).
 */
export function evaluateDeploy(input: GateInput, horizonDays: number = DEFAULT_HORIZON_DAYS): GateDecision {
  const range = horizonRange(input.at, horizonDays)
  const rules = timeRuleIntervals(input, range)
  const found = [...timeReasons(input, rules, range), ...factReasons(input)]
  if (input.kind === 'rollback') return rollbackDecision(input, found)
  return {
    allowed: !found.some((r) => r.effect === 'deny'),
    reasons: found,
    nextAllowedAt: firstInstantFrom(allowedIntervals(rules), input.at),
    evaluatedAt: input.at,
  }
}
