import type { DeployChecks, DeployPolicy, WeeklyHours } from '../../../types/api'
import type { DeployPolicyInput } from '../api/put-deploy-policy'

/** The deploy-policy form's state: numbers as typed. */
export interface PolicyDraft {
  readonly timeZone: string
  readonly windows: readonly WeeklyHours[]
  readonly supportTailMinutes: string
  readonly staffedHours: WeeklyHours
  readonly holidays: readonly string[]
  readonly checks: DeployChecks
}

/** Weekdays in the API's spelling, Monday first. */
export const WEEKDAYS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'mon', label: 'Mon' },
  { value: 'tue', label: 'Tue' },
  { value: 'wed', label: 'Wed' },
  { value: 'thu', label: 'Thu' },
  { value: 'fri', label: 'Fri' },
  { value: 'sat', label: 'Sat' },
  { value: 'sun', label: 'Sun' },
]

/** The deploy gate's optional checks with what each one does, in the policy page's order. */
export const CHECKS: readonly { readonly key: keyof DeployChecks; readonly label: string; readonly explain: string }[] = [
  { key: 'requireOnCall', label: 'Someone reachable is on call', explain: 'for the whole support tail after the deploy (a verified interrupting contact method).' },
  { key: 'denyIfOnCallAsleep', label: 'The on-call person is awake', explain: 'deny when the support tail overlaps their own sleep hours.' },
  { key: 'denyIfOnCallRelieved', label: 'Cover is not a relief stand-in', explain: 'deny while someone covers for a person relieved after a bad night.' },
  { key: 'denyIfNightBudgetSpent', label: 'Night-page budget left', explain: 'deny when the team’s night pages this week are spent (when on-call health gates deploys).' },
  { key: 'denyIfOpenHighUrgencyAlert', label: 'No open high-urgency alert', explain: 'deny while the service has one open.' },
  { key: 'requireApprovedChange', label: 'An approved change request', explain: 'every deploy must name one (emergency changes: start them first).' },
]

/** The form's draft of a stored policy. */
export function policyDraftOf(p: DeployPolicy): PolicyDraft {
  return { timeZone: p.timeZone, windows: p.windows, supportTailMinutes: String(p.supportTailMinutes), staffedHours: p.staffedHours, holidays: [...p.holidays].sort(), checks: p.checks }
}

/**
 * The PUT body; a tail that is not a whole number is sent as -1 so the API names the field.
 * @example policyDraftToInput({ ...draft, supportTailMinutes: '240' }).supportTailMinutes // 240
 */
export function policyDraftToInput(d: PolicyDraft): DeployPolicyInput {
  const tail = d.supportTailMinutes.trim()
  return {
    timeZone: d.timeZone.trim(),
    windows: d.windows,
    supportTailMinutes: /^\d+$/.test(tail) ? Number(tail) : -1,
    staffedHours: d.staffedHours,
    holidays: [...new Set(d.holidays)].sort(),
    checks: d.checks,
  }
}
