import { Link } from '../../../components/link'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { MaintenanceHeldAlert } from '../../../types/api'
import { HeldStatusBadge } from './held-status-badge'

/** The alerts a window held, in the order they arrived: summary (to the alert), when, status and outcome. */
export function HeldAlertList({ held, zone }: { readonly held: readonly MaintenanceHeldAlert[]; readonly zone: string }) {
  if (held.length === 0) return <p className="empty card">It held nothing.</p>
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Held alerts">
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Held at</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {held.map((h) => (
            <tr key={h.alertId}>
              <td className="table__text">
                <Link to={`/alerts/${h.alertId}`}>{h.summary}</Link>
                <p className="muted table__sub"><code>{h.dedupKey}</code></p>
              </td>
              <td className="nowrap">{when(h.heldAt)}</td>
              <td><HeldStatusBadge status={h.status} /></td>
              <td className="table__text">
                {h.outcome ?? <span className="muted">—</span>}
                {h.settledAt !== null && <p className="muted table__sub">{when(h.settledAt)}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
