import { channelLabel } from '../../../lib/channels'
import type { NotificationRecord, TimelineEntry } from '../../../types/api'

/** A row of the alert timeline as the page shows it. */
export interface TimelineRow {
  readonly at: string
  readonly kind: string
  readonly actor: string
  readonly message: string
}

/**
 * Merges the alert's log with the deliveries it does not record (a notification that went out), in
 * time order; entries at the same instant keep the log's order, deliveries after them.
 * @example buildTimeline(detail.timeline, detail.notifications, (id) => names.get(id))
 */
export function buildTimeline(
  log: readonly TimelineEntry[],
  notifications: readonly NotificationRecord[],
  nameOf: (userId: string) => string,
): readonly TimelineRow[] {
  const sent: TimelineRow[] = notifications
    .filter((n): n is NotificationRecord & { sentAt: string } => n.sentAt !== null)
    .map((n) => ({ at: n.sentAt, kind: 'notification_sent', actor: 'Tend', message: `${channelLabel(n.channel)} to ${nameOf(n.userId)} sent${n.interrupting ? ' (interrupting)' : ''}` }))
  const rows = [...log.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, message: e.message })), ...sent]
  // Array.prototype.sort is stable, so equal instants keep the order above.
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

const KINDS: Readonly<Record<string, string>> = {
  triggered: 'Triggered',
  deduplicated: 'Repeated',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  escalated: 'Escalated',
  escalation_exhausted: 'Escalation ended',
  nobody_on_call: 'Nobody on call',
  notified: 'Notifying',
  notification_sent: 'Sent',
  notification_failed: 'Not delivered',
  notification_held: 'Held',
  bundled: 'Bundled',
  reassigned: 'Reassigned',
  outcome: 'Outcome',
  event_ignored: 'Ignored',
  note: 'Note',
}

/** The short tag of a timeline kind ("Not delivered" for `notification_failed`). */
export function timelineKindLabel(kind: string): string {
  return KINDS[kind] ?? kind.replaceAll('_', ' ')
}

/** The tone of a timeline entry: bad news in red, people acting in green, the rest neutral. */
export function timelineKindTone(kind: string): 'bad' | 'good' | 'neutral' {
  if (kind === 'notification_failed' || kind === 'nobody_on_call' || kind === 'escalation_exhausted' || kind === 'triggered') return 'bad'
  if (kind === 'acknowledged' || kind === 'resolved' || kind === 'notification_sent') return 'good'
  return 'neutral'
}
