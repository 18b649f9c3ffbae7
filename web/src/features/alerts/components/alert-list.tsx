import { Link } from '../../../components/link'
import { formatAge, formatDateTime, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { AlertRecord, Team } from '../../../types/api'
import { AlertStatusBadge } from './alert-status-badge'
import { UrgencyBadge } from './urgency-badge'

interface AlertListProps {
  readonly alerts: readonly AlertRecord[]
  readonly teams: readonly Team[]
  /** The viewer's zone: times are shown there, with its abbreviation. */
  readonly zone: string
  /** The server's now, for ages. */
  readonly now: Instant
  /** Says what "nothing here" means under the current filters. */
  readonly emptyText: string
}

/** Alerts newest first: status, urgency, summary and service, how many events, and how old. */
export function AlertList({ alerts, teams, zone, now, emptyText }: AlertListProps) {
  if (alerts.length === 0) return <p className="empty card">{emptyText}</p>
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <div className="table-wrap">
      <table className="table alert-table" aria-label="Alerts">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Urgency</th>
            <th scope="col">Alert</th>
            <th scope="col" className="table__num">Events</th>
            <th scope="col">Opened</th>
            <th scope="col">Last event</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} className={`alert-row alert-row--${a.status}`}>
              <td><AlertStatusBadge status={a.status} /></td>
              <td><UrgencyBadge urgency={a.urgency} /></td>
              <td>
                <Link to={`/alerts/${a.id}`} className="alert-table__summary">{a.summary}</Link>
                <p className="muted table__sub">
                  {a.serviceName}
                  {teamName(a.teamId) !== undefined && <> · {teamName(a.teamId)}</>}
                  {a.source !== '' && <> · from {a.source}</>}
                  {a.outcome !== null && <> · <span className="badge">{a.outcome}</span></>}
                </p>
              </td>
              <td className="table__num" data-label="Events">{a.eventCount}</td>
              <td>
                {formatAge(parseInstant(a.createdAt), now)}
                <p className="muted table__sub">{when(a.createdAt)}</p>
              </td>
              <td data-label="Last event">{a.lastEventAt === a.createdAt ? <span className="muted">—</span> : formatAge(parseInstant(a.lastEventAt), now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
