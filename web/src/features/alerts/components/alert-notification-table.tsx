import { channelLabel } from '../../../lib/channels'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { NotificationRecord } from '../../../types/api'

interface AlertNotificationTableProps {
  readonly notifications: readonly NotificationRecord[]
  readonly nameOf: (userId: string) => string
  readonly zone: string
}

const BAD = new Set(['failed', 'dead'])
const GOOD = new Set(['sent', 'delivered'])

/** Every message sent (or due) about an alert, bundle follow-ups that list it included: who, how, its state, attempts and the last error. */
export function AlertNotificationTable({ notifications, nameOf, zone }: AlertNotificationTableProps) {
  if (notifications.length === 0) return <p className="empty">No notifications for this alert yet.</p>
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  const sorted = [...notifications].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Notifications">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__num">Attempts</th>
            <th scope="col">When</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((n) => (
            <tr key={n.id}>
              <td className="nowrap">{nameOf(n.userId)}</td>
              <td>
                {channelLabel(n.channel)}
                {n.interrupting && <span className="muted table__sub"> · interrupting</span>}
                {n.kind === 'bundle' && <span className="muted table__sub"> · follow-up listing this alert with others</span>}
              </td>
              <td>
                <span className={`badge${BAD.has(n.status) ? ' badge--bad' : GOOD.has(n.status) ? ' badge--good' : ''}`}>{n.status}</span>
              </td>
              <td className="table__num">{n.attempts}</td>
              <td className="nowrap">{n.sentAt !== null ? <>sent {when(n.sentAt)}</> : n.status === 'pending' ? <>due {when(n.notBefore)}</> : when(n.createdAt)}</td>
              <td className="table__text">
                {n.lastError === null ? <span className="muted">—</span> : <span className={BAD.has(n.status) ? 'text-danger' : 'muted'}>{n.lastError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
