import { useState } from 'react'
import { Alert } from '../../components/alert'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { createMaintenanceWindow } from '../../features/maintenance/api/create-maintenance-window'
import { getMaintenanceWindows } from '../../features/maintenance/api/get-maintenance-windows'
import { MaintenanceWindowForm } from '../../features/maintenance/components/maintenance-window-form'
import { MaintenanceWindowList } from '../../features/maintenance/components/maintenance-window-list'
import { emptyWindowDraft } from '../../features/maintenance/utils/window-draft'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

// Phases change on their own as windows begin and end; a minute behind is soon enough here.
const REFRESH_MS = 30_000

/** Maintenance windows on every service, newest first, and a form to open one (ad hoc or scheduled). */
export function MaintenanceRoute() {
  useDocumentTitle('Maintenance')
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const windows = useAsync((signal) => getMaintenanceWindows({}, signal), [])
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(windows.reload, REFRESH_MS)

  const [teams, services] = base.data ?? [[], []]
  const zone = user.timeZone
  const now = serverNow(clock.data)
  const onChanged = (message: string) => {
    setNotice(message)
    setError(undefined)
    windows.reload()
  }
  return (
    <>
      <div className="page__header">
        <h1>Maintenance</h1>
        <p className="muted page__lead">
          While a window is active on a service, new alerts from monitoring, heartbeats and alarms on it are stored but page nobody.
          At its end, those still open page; the rest are dropped. Pages people send by hand always go out. Times in {zoneLabel(now, zone)}.
        </p>
      </div>
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      <LoadState loading={(base.loading || clock.loading) && (base.data === undefined || clock.data === undefined)} error={base.error} retry={base.reload} />
      {base.data !== undefined && clock.data !== undefined && (
        <section className="card" aria-labelledby="mw-new-heading">
          <h2 id="mw-new-heading">Open a maintenance window</h2>
          <MaintenanceWindowForm
            initial={emptyWindowDraft(services.length === 1 ? (services[0]?.id ?? '') : '', now, zone)}
            services={services}
            teams={teams}
            zone={zone}
            onSubmit={async (serviceId, input) => {
              const created = await createMaintenanceWindow(serviceId, input)
              onChanged(`Opened “${created.reason}” on ${services.find((s) => s.id === serviceId)?.name ?? 'the service'}.`)
            }}
          />
        </section>
      )}
      <section className="section" aria-labelledby="mw-list-heading">
        <h2 id="mw-list-heading">Maintenance windows</h2>
        <LoadState loading={windows.loading && windows.data === undefined} error={windows.error} retry={windows.reload} />
        {windows.data !== undefined && base.data !== undefined && (
          <MaintenanceWindowList windows={windows.data} services={services} zone={zone} onChanged={onChanged} onError={setError} />
        )}
      </section>
    </>
  )
}
