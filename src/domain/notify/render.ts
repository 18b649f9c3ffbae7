import { formatLocal, type Instant } from '../../lib/time/index.js'
import type { Urgency } from '../users/index.js'

export interface AlertMessageInput {
  readonly kind: 'alert' | 'update'
  readonly alert: {
    readonly id: string
    readonly summary: string
    readonly source: string
    readonly severity: string
    readonly urgency: Urgency
    readonly createdAt: Instant
    readonly details: Record<string, unknown>
    readonly eventCount: number
  }
  readonly serviceName: string
  readonly teamName: string
  /** The recipient's zone: times in the message are theirs. */
  readonly timeZone: string
  /** Why this person: "step 2 of Platform escalation", "on call on Platform primary". */
  readonly reason: string
  /** The most recent change in the last 3 h on the service or what it depends on, with how to roll it back. */
  readonly recentChange?: string | null
}

/** Renders the subject and text of an alert page or update, in the recipient's own time. */
export function renderAlertMessage(m: AlertMessageInput): { subject: string; text: string } {
  const label = m.kind === 'update' ? 'UPDATE' : m.alert.urgency.toUpperCase()
  const subject = `[${label}] ${m.serviceName}: ${truncate(m.alert.summary, 150)}`
  const details = Object.entries(m.alert.details)
    .slice(0, 10)
    .map(([k, v]) => `  ${k}: ${truncate(typeof v === 'string' ? v : JSON.stringify(v), 200)}`)
  const lines = [
    `${m.alert.urgency === 'high' ? 'High' : 'Low'}-urgency alert on ${m.serviceName} (team ${m.teamName})`,
    m.alert.summary,
    '',
    `Source: ${m.alert.source}   Severity: ${m.alert.severity}`,
    `Triggered: ${formatLocal(m.alert.createdAt, m.timeZone, 'full')}`,
    `You are receiving this because: ${m.reason}`,
    // Most failures come from change: the likeliest cause goes before the details.
    ...(m.recentChange === undefined || m.recentChange === null ? [] : [m.recentChange]),
    ...(m.kind === 'update' ? ['You acknowledged another alert on this service recently, so this is an update, not a page.'] : []),
    ...(details.length === 0 ? [] : ['', 'Details:', ...details]),
  ]
  return { subject, text: lines.join('\n') }
}

/** Renders a bundle follow-up: one message for the alerts that joined after a page. */
export function renderBundleMessage(serviceName: string, summaries: readonly string[], since: Instant, timeZone: string): { subject: string; text: string } {
  const n = summaries.length
  const subject = `[HIGH] ${serviceName}: ${n} more alert${n === 1 ? '' : 's'} since ${formatLocal(since, timeZone)}`
  const text = [
    `${n} more alert${n === 1 ? '' : 's'} on ${serviceName} arrived within five minutes of your last page, so they were bundled into this one message:`,
    ...summaries.slice(0, 20).map((s) => `  - ${truncate(s, 150)}`),
    ...(n > 20 ? [`  … and ${n - 20} more`] : []),
  ].join('\n')
  return { subject, text }
}

const truncate = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`)
