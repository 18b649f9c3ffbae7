/**
 * Reasons from facts the caller gathered: who covers the support tail, open alerts, the night-page
 * budget and the change request. None of these can be predicted, so none carries `until`.
 */
import { MINUTE_MS } from '../../lib/time/index.js'
import { describeDuration, describeInstant } from './describe.js'
import { ACTIVE_CHANGE_STATES } from './freezes.js'
import { subtractIntervals, type Interval } from './intervals.js'
import type { GateInput, GateReason, OnCallFact } from './model.js'

const deny = (code: GateReason['code'], message: string): GateReason => ({ code, effect: 'deny', message })

/** [at, at + tail]; with no tail, just the instant `at` (as a 1 ms interval). */
function tailRange(input: GateInput): Interval {
  return { start: input.at, end: input.at + Math.max(1, input.policy.supportTailMinutes * MINUTE_MS) }
}

const overlaps = (f: OnCallFact, r: Interval) => f.from < r.end && r.start < f.to
const named = (f: OnCallFact) => f.userName ?? f.userId ?? 'someone'
const names = (facts: readonly OnCallFact[]) => [...new Set(facts.map(named))].join(', ')

function noOnCallReason(input: GateInput, range: Interval): GateReason | null {
  const inTail = input.facts.onCall.filter((f) => overlaps(f, range))
  const covered = inTail.filter((f) => f.userId !== null).map((f) => ({ start: f.from, end: f.to }))
  const gaps = subtractIntervals(range, covered)
  const unreachable = inTail.filter((f) => f.userId !== null && !f.reachable)
  if (gaps.length === 0 && unreachable.length === 0) return null
  const zone = input.policy.timeZone
  const parts: string[] = []
  for (const g of gaps) {
    parts.push(`nobody is on call from ${describeInstant(g.start, zone, input.at)} for ${describeDuration(Math.max(g.end - g.start, MINUTE_MS))}`)
  }
  if (unreachable.length > 0) parts.push(`${names(unreachable)} cannot be woken (no verified interrupting contact method)`)
  return deny('NO_ONCALL', `${parts.join('; ')}: someone must be reachable while the deploy settles`)
}

function onCallReasons(input: GateInput): GateReason[] {
  const { checks } = input.policy
  const range = tailRange(input)
  const inTail = input.facts.onCall.filter((f) => f.userId !== null && overlaps(f, range))
  const asleep = inTail.filter((f) => f.asleepDuring)
  const relieved = inTail.filter((f) => f.relieved)
  const out: GateReason[] = []
  const noOnCall = checks.requireOnCall ? noOnCallReason(input, range) : null
  if (noOnCall !== null) out.push(noOnCall)
  if (checks.denyIfOnCallAsleep && asleep.length > 0) {
    out.push(deny('ONCALL_ASLEEP', `${names(asleep)} would be in their sleep hours during the support tail: a failure would wake them`))
  }
  if (checks.denyIfOnCallRelieved && relieved.length > 0) {
    out.push(deny('ONCALL_RELIEVED', `${names(relieved)} is covering as relief while the regular on-call recovers: do not add deploy risk to the stand-in`))
  }
  return out
}

function loadReasons(input: GateInput): GateReason[] {
  const { checks } = input.policy
  const { openHighUrgencyAlerts, nightBudgetSpent } = input.facts
  const out: GateReason[] = []
  if (checks.denyIfNightBudgetSpent && nightBudgetSpent) {
    out.push(deny('NIGHT_BUDGET_SPENT', "the team's night-page budget is spent: a bad deploy would wake people already woken too often"))
  }
  if (checks.denyIfOpenHighUrgencyAlert && openHighUrgencyAlerts > 0) {
    const what = openHighUrgencyAlerts === 1 ? '1 high-urgency alert is' : `${openHighUrgencyAlerts} high-urgency alerts are`
    out.push(deny('OPEN_HIGH_URGENCY_ALERT', `${what} open: resolve before changing the system (a rollback is still allowed)`))
  }
  return out
}

function changeReasons(input: GateInput): GateReason[] {
  const { change } = input
  const out: GateReason[] = []
  if (input.policy.checks.requireApprovedChange) {
    if (change === null) out.push(deny('NO_APPROVED_CHANGE', 'this service requires an approved change request for every deploy; none was given'))
    else if (!ACTIVE_CHANGE_STATES.includes(change.state)) {
      out.push(deny('NO_APPROVED_CHANGE', `change ${change.id} is ${change.state.replace('_', ' ')}: it must be approved (or in progress) to deploy`))
    }
  }
  // Principle 6: every change has a way back. Checked whenever a change is named, required or not.
  if (change !== null && !change.hasRollbackPlan) {
    out.push(deny('NO_ROLLBACK_PLAN', `change ${change.id} has no concrete rollback steps: add them before deploying`))
  }
  return out
}

/** Every fact-based reason, in a fixed order: on-call, load, change. */
export function factReasons(input: GateInput): GateReason[] {
  return [...onCallReasons(input), ...loadReasons(input), ...changeReasons(input)]
}
