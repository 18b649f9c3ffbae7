/**
 * When the after-the-fact review of an emergency change is due. "Reviewed within a working day"
 * is read as one staffed day's worth of the team's staffed time after the change started: the
 * length of one staffed span (8 h for 09:00–17:00) counted only inside staffed hours, skipping
 * holidays, in the policy's zone. So a change started Tue 15:00 is due Wed 15:00, one started at
 * Sat 03:00 is due Mon 17:00, and one started on the Friday before a Monday holiday is due Tue.
 * Pure: the caller passes the team's deploy policy (staffed hours and holidays).
 */
import { DAY_MS, localTimeMinutes, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { staffedPeriods, type DeployPolicy } from '../deploy-gate/index.js'

/** How far ahead to look for staffed time before giving up (a team staffed only at Christmas). */
const SEARCH_DAYS = 42

/** The length of one staffed span, in ms ("00:00–00:00" is a whole day). */
function staffedDayMs(policy: Pick<DeployPolicy, 'staffedHours'>): number {
  const start = localTimeMinutes(policy.staffedHours.start)
  const end = localTimeMinutes(policy.staffedHours.end)
  const minutes = end > start ? end - start : 24 * 60 - start + end
  return minutes * MINUTE_MS
}

/**
 * Returns when the review of an emergency change started at `startedAt` is due.
 * @example reviewDueAt(policyBerlin, tue1500) // Wed 15:00 Europe/Berlin
 */
export function reviewDueAt(policy: DeployPolicy, startedAt: Instant): Instant {
  let remaining = staffedDayMs(policy)
  const periods = staffedPeriods({ ...policy, supportTailMinutes: 0 }, { start: startedAt, end: startedAt + SEARCH_DAYS * DAY_MS })
  for (const p of periods) {
    const from = Math.max(p.start, startedAt)
    if (p.end <= from) continue
    if (p.end - from >= remaining) return from + remaining
    remaining -= p.end - from
  }
  // No staffed time within the search: a calendar day is the most honest fallback.
  return startedAt + DAY_MS
}
