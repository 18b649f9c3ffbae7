/**
 * The default deploy policy and the normalizer that turns raw input into a DeployPolicy,
 * reporting every invalid field with its path.
 *
 * Default: windows Mon–Fri 09:00–17:00, staffed hours Mon–Fri 09:00–17:00, a 3 h support tail.
 * The window only mirrors the working day; the tail does the real work: a deploy must leave
 * 3 h of staffed time after it, so the last deploy is at 14:00 and Friday evening, the eve of a
 * holiday and the weekend are excluded without anyone writing a rule for them. That holds even
 * when a team widens or removes its windows, which is why the tail, not the window, enforces
 * "no Friday evenings". Approval is not required by default (teams adopt change requests first,
 * then turn it on); the on-call checks are on, because they only bite when something is wrong.
 */
import type { FieldError } from '../../lib/errors.js'
import { DAY_MS, isValidTimeZone, localTime, parseLocalDate, parseLocalTime, WEEKDAYS, type LocalDate, type LocalTime, type Weekday } from '../../lib/time/index.js'
import type { AllowWindow, DeployPolicy, GateChecks, StaffedHours, Validated } from './model.js'
import { allowedIntervals, timeRuleIntervals } from './time-rules.js'

/** Staffed time a deploy must leave after it, in minutes, unless the policy says otherwise. */
export const DEFAULT_SUPPORT_TAIL_MINUTES = 180

/** Longest support tail accepted: a week, enough for teams staffed around the clock. */
export const MAX_SUPPORT_TAIL_MINUTES = 7 * 24 * 60

const WORKING_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']

/** The checks a new policy enforces. */
export const DEFAULT_GATE_CHECKS: GateChecks = Object.freeze({
  requireOnCall: true,
  denyIfOnCallAsleep: true,
  denyIfOnCallRelieved: true,
  denyIfNightBudgetSpent: true,
  denyIfOpenHighUrgencyAlert: true,
  requireApprovedChange: false,
})

/**
 * Builds the default policy for a team in `timeZone` (see the module comment for why).
 * @example DEFAULT_DEPLOY_POLICY('Europe/Berlin').supportTailMinutes // 180
 */
export function DEFAULT_DEPLOY_POLICY(timeZone: string): DeployPolicy {
  const day: StaffedHours = { days: WORKING_DAYS, start: localTime('09:00'), end: localTime('17:00') }
  return { timeZone, windows: [day], supportTailMinutes: DEFAULT_SUPPORT_TAIL_MINUTES, staffedHours: day, holidays: [], checks: DEFAULT_GATE_CHECKS }
}

/** Raw weekly hours as they arrive from the API or a file. */
export interface WeeklyHoursInput {
  readonly days: readonly string[]
  readonly start: string
  readonly end: string
}

/** A policy as received; missing fields take the defaults. */
export interface DeployPolicyInput {
  readonly timeZone: string
  readonly windows?: readonly WeeklyHoursInput[]
  readonly supportTailMinutes?: number
  readonly staffedHours?: WeeklyHoursInput
  readonly holidays?: readonly string[]
  readonly checks?: Partial<GateChecks>
}

function weeklyHours(input: WeeklyHoursInput, path: string, errors: FieldError[]): AllowWindow | null {
  const start = parseLocalTime(input.start)
  const end = parseLocalTime(input.end)
  if (start === null) errors.push({ field: `${path}.start`, reason: 'must be a local time "HH:MM" (00:00–23:59)' })
  if (end === null) errors.push({ field: `${path}.end`, reason: 'must be a local time "HH:MM" (00:00–23:59)' })
  if (input.days.length === 0) errors.push({ field: `${path}.days`, reason: 'must name at least one weekday' })
  input.days.forEach((d, i) => {
    if (!WEEKDAYS.includes(d as Weekday)) errors.push({ field: `${path}.days[${i}]`, reason: `must be one of ${WEEKDAYS.join(', ')}` })
  })
  if (start === null || end === null) return null
  const days = WEEKDAYS.filter((d) => input.days.includes(d))
  return { days, start: start as LocalTime, end: end as LocalTime }
}

function holidays(input: readonly string[], errors: FieldError[]): LocalDate[] {
  const out = new Set<LocalDate>()
  input.forEach((s, i) => {
    const d = parseLocalDate(s)
    if (d === null) errors.push({ field: `holidays[${i}]`, reason: 'must be a calendar date "YYYY-MM-DD"' })
    else out.add(d)
  })
  return [...out].sort()
}

function tailMinutes(value: number | undefined, errors: FieldError[]): number {
  const tail = value ?? DEFAULT_SUPPORT_TAIL_MINUTES
  if (!Number.isInteger(tail) || tail < 0 || tail > MAX_SUPPORT_TAIL_MINUTES) {
    errors.push({ field: 'supportTailMinutes', reason: `must be a whole number of minutes from 0 to ${MAX_SUPPORT_TAIL_MINUTES}` })
  }
  return tail
}

function withDefaultChecks(given: Partial<GateChecks>): GateChecks {
  const pick = (key: keyof GateChecks): boolean => given[key] ?? DEFAULT_GATE_CHECKS[key]
  return {
    requireOnCall: pick('requireOnCall'),
    denyIfOnCallAsleep: pick('denyIfOnCallAsleep'),
    denyIfOnCallRelieved: pick('denyIfOnCallRelieved'),
    denyIfNightBudgetSpent: pick('denyIfNightBudgetSpent'),
    denyIfOpenHighUrgencyAlert: pick('denyIfOpenHighUrgencyAlert'),
    requireApprovedChange: pick('requireApprovedChange'),
  }
}

// 2026-01-05 is a Monday; two weeks from it show whether a policy ever allows a deploy.
const REFERENCE_MONDAY_UTC = Date.UTC(2026, 0, 5)

/** Whether any instant of an ordinary fortnight passes the windows and the support tail. */
function everAllows(policy: DeployPolicy): boolean {
  const range = { start: REFERENCE_MONDAY_UTC, end: REFERENCE_MONDAY_UTC + 14 * DAY_MS }
  const rules = timeRuleIntervals({ at: range.start, serviceId: '', teamId: '', policy: { ...policy, holidays: [] }, freezes: [], change: null }, range)
  return allowedIntervals(rules).length > 0
}

/**
 * Normalizes a policy: fills defaults, parses local times and dates, sorts weekdays and holidays,
 * and rejects a policy whose windows and tail leave no time at all to deploy.
 */
export function validateDeployPolicy(input: DeployPolicyInput): Validated<DeployPolicy> {
  const errors: FieldError[] = []
  if (!isValidTimeZone(input.timeZone)) return { ok: false, errors: [{ field: 'timeZone', reason: `"${input.timeZone}" is not an IANA time zone such as Europe/Berlin` }] }
  const defaults = DEFAULT_DEPLOY_POLICY(input.timeZone)
  const windows = (input.windows ?? defaults.windows).map((w, i) => weeklyHours(w, `windows[${i}]`, errors))
  const staffedHours = input.staffedHours === undefined ? defaults.staffedHours : weeklyHours(input.staffedHours, 'staffedHours', errors)
  const supportTailMinutes = tailMinutes(input.supportTailMinutes, errors)
  const policy = {
    timeZone: input.timeZone,
    windows: windows.filter((w): w is AllowWindow => w !== null),
    supportTailMinutes,
    staffedHours: staffedHours ?? defaults.staffedHours,
    holidays: holidays(input.holidays ?? [], errors),
    checks: withDefaultChecks(input.checks ?? {}),
  }
  if (errors.length > 0) return { ok: false, errors }
  if (!everAllows(policy)) {
    const reason = `no time is left to deploy: every window ends less than ${supportTailMinutes} min before the end of staffed hours`
    return { ok: false, errors: [{ field: 'supportTailMinutes', reason }] }
  }
  return { ok: true, value: policy }
}
