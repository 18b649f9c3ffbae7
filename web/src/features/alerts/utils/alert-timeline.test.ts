import { describe, expect, it } from 'vitest'
import type { NotificationRecord, TimelineEntry } from '../../../types/api'
import { buildTimeline, timelineKindLabel } from './alert-timeline'

const entry = (at: string, kind: string, message = kind): TimelineEntry => ({ at, kind, actor: 'Tend', message })
const notification = (sentAt: string | null): NotificationRecord => ({
  id: 'n1', alertId: 'a1', userId: 'u1', channel: 'sms', kind: 'alert', urgency: 'high', interrupting: true, status: sentAt === null ? 'pending' : 'sent',
  notBefore: '2026-11-23T10:00:00Z', attempts: sentAt === null ? 0 : 1, lastError: null, subject: 's', createdAt: '2026-11-23T10:00:00Z', sentAt,
})

describe('buildTimeline', () => {
  it('adds sent notifications in time order after log entries at the same instant', () => {
    const rows = buildTimeline(
      [entry('2026-11-23T10:00:00Z', 'triggered'), entry('2026-11-23T10:00:00Z', 'notified'), entry('2026-11-23T10:05:00Z', 'acknowledged')],
      [notification('2026-11-23T10:00:00Z'), notification(null)],
      () => 'Maya Johnson',
    )
    expect(rows.map((r) => r.kind)).toEqual(['triggered', 'notified', 'notification_sent', 'acknowledged'])
    expect(rows[2]?.message).toBe('SMS to Maya Johnson sent (interrupting)')
  })

  it('orders by instant, not by the text of the timestamp', () => {
    const rows = buildTimeline([entry('2026-11-23T10:00:01.5Z', 'acknowledged'), entry('2026-11-23T10:00:01Z', 'triggered')], [], () => '')
    expect(rows.map((r) => r.kind)).toEqual(['triggered', 'acknowledged'])
  })

  it('names kinds it does not know from their code', () => {
    expect(timelineKindLabel('notification_failed')).toBe('Not delivered')
    expect(timelineKindLabel('runbook_started')).toBe('runbook started')
  })
})
