/**
 * Pages: the interruptions a person actually received. PagerDuty's Operational Reviews count an
 * interruption as an SMS, push or phone notification sent to a responder, once however many
 * channels carried it, and exclude email as "not considered an interrupting channel"
 * (https://support.pagerduty.com/pd-support/docs/operational-reviews). Tend's rule is the same,
 * with "interrupting" decided per contact method by the person (design §4):
 * - only notifications with `interrupting` set and `status: 'sent'` count (pending, failed,
 *   dead, bundled or cancelled messages never reached anyone);
 * - one page per (alert, person), at the first such send. A later escalation loop that pages
 *   the same person again for the same alert is not a second page.
 * - messages without an alert (tests, verification codes, notices) are not pages.
 */
import type { NotificationRecord, Page } from './model.js'
import { byTimeThenIds } from './ordering.js'

/** Derives pages from notification records: first interrupting send per (alert, person), in time order. */
export function derivePages(records: readonly NotificationRecord[]): Page[] {
  const first = new Map<string, Page>()
  for (const r of records) {
    if (!reachedPersonInterrupting(r) || r.alertId === null || r.sentAt === null) continue
    const key = JSON.stringify([r.alertId, r.userId])
    const seen = first.get(key)
    if (seen === undefined || r.sentAt < seen.at) first.set(key, { alertId: r.alertId, userId: r.userId, at: r.sentAt })
  }
  return [...first.values()].sort(byTimeThenIds)
}

/** Whether a notification interrupted the person: sent on a channel they marked interrupting. */
export function reachedPersonInterrupting(r: NotificationRecord): boolean {
  return r.interrupting && r.status === 'sent' && r.sentAt !== null
}
