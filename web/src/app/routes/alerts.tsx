import { useCallback } from 'react'
import { LoadState } from '../../components/load-state'
import { getAlerts } from '../../features/alerts/api/get-alerts'
import { AlertCreateDialog } from '../../features/alerts/components/alert-create-dialog'
import { AlertFilterBar } from '../../features/alerts/components/alert-filter-bar'
import { AlertList } from '../../features/alerts/components/alert-list'
import { alertFiltersQuery, parseAlertFilters, type AlertFilters } from '../../features/alerts/utils/alert-filters'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getDeadNotifications } from '../../features/notifications/api/get-dead-notifications'
import { retryNotification } from '../../features/notifications/api/retry-notification'
import { DeadLetterList } from '../../features/notifications/components/dead-letter-list'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 10_000

const EMPTY: Readonly<Record<AlertFilters['status'], string>> = {
  open: 'No open alerts. All quiet.',
  triggered: 'Nothing is waiting for someone to acknowledge it.',
  acknowledged: 'No acknowledged alerts: nobody is working on one right now.',
  resolved: 'No resolved alerts match.',
  all: 'No alerts match.',
}

/** Alerts newest first, filtered by status, urgency, team and service; refreshes itself; admins also see the dead letter. */
export function AlertsRoute() {
  useDocumentTitle('Alerts')
  const { user } = useAuth()
  const { search } = useLocation()
  const filters = parseAlertFilters(search)
  const query = alertFiltersQuery(filters)

  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal), getUsers(signal)]), [])
  const alerts = useAsync((signal) => getAlerts(filters, signal), [query])
  const dead = useAsync((signal) => (user.isAdmin ? getDeadNotifications(signal) : Promise.resolve(undefined)), [user.isAdmin])
  const clock = useAsync(() => serverClockOffset(), [])
  const { reload: reloadAlerts } = alerts
  const { reload: reloadDead } = dead
  const refresh = useCallback(() => {
    reloadAlerts()
    reloadDead()
  }, [reloadAlerts, reloadDead])
  usePolling(refresh, REFRESH_MS)

  const setFilters = (next: AlertFilters) => navigate(`/alerts${alertFiltersQuery(next)}`, { replace: true })
  const now = serverNow(clock.data)
  const [teams, services, users] = base.data ?? [[], [], []]
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? 'Unknown person'
  const isFiltered = filters.urgency !== undefined || filters.teamId !== undefined || filters.serviceId !== undefined
  const emptyText = isFiltered ? `${EMPTY[filters.status].replace(' All quiet.', '')} Try fewer filters.` : EMPTY[filters.status]

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Alerts</h1>
          <p className="muted">
            Newest first; refreshes every 10 seconds. Times in your zone: {zoneLabel(now, user.timeZone)}.
          </p>
        </div>
        {base.data !== undefined && (
          <AlertCreateDialog services={services} teams={teams} users={users} onCreated={(a) => navigate(`/alerts/${a.id}`)} />
        )}
      </div>
      <LoadState loading={base.loading && base.data === undefined} error={base.error} retry={base.reload} />
      {base.data !== undefined && <AlertFilterBar filters={filters} teams={teams} services={services} onChange={setFilters} />}
      <LoadState loading={alerts.loading && alerts.data === undefined} error={alerts.error} retry={alerts.reload} />
      {/* Ages wait for the server's clock, so they never flash the browser's idea of "now". */}
      {alerts.data !== undefined && clock.data !== undefined && <AlertList alerts={alerts.data} teams={teams} zone={user.timeZone} now={now} emptyText={emptyText} />}
      {user.isAdmin && (
        <section className="card" aria-labelledby="dead-letter-heading">
          <div className="section__header">
            <div>
              <h2 id="dead-letter-heading">Undelivered notifications</h2>
              <p className="muted">Tend gave up on these after its retries (the dead letter). Fix what the error names, then retry.</p>
            </div>
          </div>
          <LoadState loading={dead.loading && dead.data === undefined} error={dead.error} retry={dead.reload} />
          {dead.data !== undefined && (
            <DeadLetterList
              notifications={dead.data}
              nameOf={nameOf}
              zone={user.timeZone}
              onRetry={async (n) => {
                await retryNotification(n.id)
                refresh()
              }}
            />
          )}
        </section>
      )}
    </>
  )
}
