import { Link } from '../../../components/link'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { MaintenanceWindow, Service } from '../../../types/api'
import { MaintenancePhaseBadge } from './maintenance-phase-badge'
import { MaintenanceWindowActions } from './maintenance-window-actions'

interface MaintenanceWindowListProps {
  readonly windows: readonly MaintenanceWindow[]
  readonly services: readonly Service[]
  /** The viewer's zone. */
  readonly zone: string
  readonly onChanged: (message: string) => void
  readonly onError: (message: string) => void
}

/** Windows newest first: phase, service, start, end and reason (linking to what it held), with End now or Cancel. */
export function MaintenanceWindowList({ windows, services, zone, onChanged, onError }: MaintenanceWindowListProps) {
  if (windows.length === 0) return <p className="empty card">No maintenance windows yet. Open one before work that will set off alerts nobody needs to be woken for.</p>
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Maintenance windows">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Service</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Reason</th>
            <th scope="col" className="table__actions"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => {
            const service = services.find((s) => s.id === w.serviceId)?.name ?? 'Unknown service'
            return (
              <tr key={w.id}>
                <td><MaintenancePhaseBadge phase={w.phase} /></td>
                <td>{service}</td>
                <td className="nowrap">{when(w.start)}</td>
                <td className="nowrap">
                  {when(w.end)}
                  {w.endedBy !== null && <p className="muted table__sub">{w.phase === 'cancelled' ? 'cancelled' : 'ended early'} by {w.endedBy}</p>}
                </td>
                <td className="table__text">
                  <Link to={`/maintenance/${w.id}`} title="What this window held">{w.reason}</Link>
                </td>
                <td className="table__actions">
                  <MaintenanceWindowActions window={w} label={`${service}: ${w.reason}`} onChanged={onChanged} onError={onError} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
