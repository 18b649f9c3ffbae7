import { useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getMaintenanceWindow } from '../../features/maintenance/api/get-maintenance-window'
import { HeldAlertList } from '../../features/maintenance/components/held-alert-list'
import { MaintenancePhaseBadge } from '../../features/maintenance/components/maintenance-phase-badge'
import { MaintenanceWindowActions } from '../../features/maintenance/components/maintenance-window-actions'
import { getServices } from '../../features/services/api/get-services'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { ApiError } from '../../lib/api-error'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../lib/time'

// New held alerts arrive while a window is active, and held ones settle just after it ends.
const REFRESH_MS = 10_000

/** One maintenance window: its service, times and reason, End now or Cancel, and every alert it held with how each ended. */
export function MaintenanceDetailRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const services = useAsync((signal) => getServices(signal), [])
  const detail = useAsync((signal) => getMaintenanceWindow(id, signal), [id])
  usePolling(detail.reload, REFRESH_MS)
  const w = detail.data?.window
  useDocumentTitle(w?.reason ?? 'Maintenance window')

  const crumb = <p className="breadcrumb"><Link to="/maintenance">Maintenance</Link> /</p>
  if (w === undefined || detail.data === undefined || services.data === undefined) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <>
          {crumb}
          <h1>Maintenance window not found</h1>
        </>
      )
    }
    return (
      <>
        {crumb}
        <LoadState loading={detail.loading || services.loading} error={detail.error ?? services.error} retry={detail.reload} />
      </>
    )
  }
  const zone = user.timeZone
  const service = services.data.find((s) => s.id === w.serviceId)?.name ?? 'Unknown service'
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          {crumb}
          <h1 className="rule-title"><MaintenancePhaseBadge phase={w.phase} /> {w.reason}</h1>
          <p className="muted">{service}</p>
        </div>
        <MaintenanceWindowActions
          window={w}
          label={`${service}: ${w.reason}`}
          onChanged={(m) => {
            setNotice(m)
            setError(undefined)
            detail.reload()
          }}
          onError={setError}
        />
      </div>
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      <section className="card" aria-labelledby="mw-facts-heading">
        <h2 id="mw-facts-heading" className="visually-hidden">Window</h2>
        <dl className="facts">
          <dt>Start</dt>
          <dd>{when(w.start)}</dd>
          <dt>End</dt>
          <dd>{when(w.end)}{w.endedBy !== null && <span className="muted"> ({w.phase === 'cancelled' ? 'cancelled' : 'ended early'} by {w.endedBy})</span>}</dd>
          <dt>Opened</dt>
          <dd>{when(w.createdAt)}</dd>
        </dl>
      </section>
      <section className="section" aria-labelledby="mw-held-heading">
        <div className="section__header">
          <h2 id="mw-held-heading">Held alerts</h2>
          <span className="muted">Oldest first; each pages at the window’s end only if still open</span>
        </div>
        <HeldAlertList held={detail.data.held} zone={zone} />
      </section>
    </>
  )
}
