/**
 * Reasons from the time rules: allow windows, holidays, the support tail and freezes. Each reason
 * carries `until`, the moment that rule alone stops denying, so a CLI can say what to wait for.
 */
import { localDateOf, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { staffedPeriods } from './calendar.js'
import { describeDuration, describeHours, describeInstant } from './describe.js'
import { classifyFreezes } from './freezes.js'
import { coversInstant, firstInstantFrom, type Interval } from './intervals.js'
import type { GateReason } from './model.js'
import type { TimeRuleInput, TimeRuleIntervals } from './time-rules.js'

const deny = (code: GateReason['code'], message: string, until: Instant | null): GateReason =>
  until === null ? { code, effect: 'deny', message } : { code, effect: 'deny', message, until }

function windowReason(input: TimeRuleInput, rules: TimeRuleIntervals): GateReason | null {
  if (coversInstant(rules.window, input.at)) return null
  const until = firstInstantFrom(rules.window, input.at)
  const when = until === null ? 'and no window opens within the search horizon' : `until ${describeInstant(until, input.policy.timeZone, input.at)}`
  return deny('WINDOW_CLOSED', `deploy window closed ${when}`, until)
}

function holidayReason(input: TimeRuleInput, rules: TimeRuleIntervals): GateReason | null {
  const today = localDateOf(input.at, input.policy.timeZone)
  if (!input.policy.holidays.includes(today)) return null
  return deny('HOLIDAY', `${today} is a holiday in ${input.policy.timeZone}: nobody is at work to support a deploy`, firstInstantFrom(rules.notHoliday, input.at))
}

function supportTailReason(input: TimeRuleInput, rules: TimeRuleIntervals, range: Interval): GateReason | null {
  if (coversInstant(rules.supportTail, input.at)) return null
  const { policy, at } = input
  const until = firstInstantFrom(rules.supportTail, at)
  const need = `a deploy needs ${describeDuration(policy.supportTailMinutes * MINUTE_MS)} of staffed time after it`
  const period = staffedPeriods(policy, range).find((p) => p.start <= at && at < p.end)
  const message =
    period === undefined
      ? `outside staffed hours (${describeHours(policy.staffedHours)} ${policy.timeZone}): ${need}`
      : `only ${describeDuration(period.end - at)} of staffed time left (until ${describeInstant(period.end, policy.timeZone, at)}): ${need}`
  return deny('SUPPORT_TAIL', message, until)
}

function freezeReasons(input: TimeRuleInput): GateReason[] {
  const { at, policy, change } = input
  const active = classifyFreezes(input.freezes, input, change)
  const isActive = (f: { start: Instant; end: Instant }) => f.start <= at && at < f.end
  const denying = active.denying.filter(isActive).map((f) =>
    deny('FREEZE', `freeze "${f.name}" until ${describeInstant(f.end, policy.timeZone, at)}${f.reason === '' ? '' : `: ${f.reason}`}`, f.end),
  )
  const excepted = active.excepted.filter(isActive).map(
    (f): GateReason => ({ code: 'FREEZE_EXCEPTION', effect: 'allow', message: `change ${change?.id ?? ''} has an approved exception to freeze "${f.name}"` }),
  )
  return [...denying, ...excepted]
}

/** Every time-rule reason at `input.at`, in a fixed order: window, holiday, tail, freezes. */
export function timeReasons(input: TimeRuleInput, rules: TimeRuleIntervals, range: Interval): GateReason[] {
  const single = [windowReason(input, rules), holidayReason(input, rules), supportTailReason(input, rules, range)]
  return [...single.filter((r): r is GateReason => r !== null), ...freezeReasons(input)]
}
