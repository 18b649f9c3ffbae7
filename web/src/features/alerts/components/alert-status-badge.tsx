import type { AlertStatus } from '../../../types/api'

const LABELS: Readonly<Record<AlertStatus, string>> = { triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved' }

/** An alert's status as a coloured tag: triggered (amber, needs someone), acknowledged (blue), resolved (green). */
export function AlertStatusBadge({ status }: { readonly status: AlertStatus }) {
  return <span className={`badge badge--status-${status}`}>{LABELS[status] ?? status}</span>
}
