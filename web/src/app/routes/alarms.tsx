import { LoadState } from '../../components/load-state'
import { getAlarms } from '../../features/alarms/api/get-alarms'
import { AlarmCreateDialog } from '../../features/alarms/components/alarm-create-dialog'
import { AlarmList } from '../../features/alarms/components/alarm-list'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'

// Alarms are evaluated once a period (a minute at the least); half a minute keeps up.
const REFRESH_MS = 30_000

/** Threshold and SLO alarms by team, with their state and flapping, and a form to create one. */
export function AlarmsRoute() {
  useDocumentTitle('Alarms')
  const { search } = useLocation()
  const serviceId = search.get('service') ?? ''
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const alarms = useAsync((signal) => getAlarms({ serviceId: serviceId === '' ? undefined : serviceId }, signal), [serviceId])
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(alarms.reload, REFRESH_MS)
  const query = serviceId === '' ? '' : `?service=${encodeURIComponent(serviceId)}`

  const [teams, services] = base.data ?? [[], []]
  const now = serverNow(clock.data)
  const shownTeams = teams.filter((t) => serviceId === '' || services.some((s) => s.id === serviceId && s.teamId === t.id))
  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Alarms</h1>
          <p className="muted page__lead">
            Threshold alarms page when M of the last N periods breach, SLO alarms when the error budget burns fast. A flapping alarm pages once, not on every flip.
          </p>
        </div>
        {base.data !== undefined && <AlarmCreateDialog services={services} teams={teams} serviceId={serviceId} onCreated={(a) => navigate(`/alarms/${a.id}`)} />}
      </div>
      <AlarmQualityNav query={query} />
      <LoadState loading={base.loading && base.data === undefined} error={base.error} retry={base.reload} />
      {base.data !== undefined && (
        <div className="aq-filter">
          <label htmlFor="alarm-service-filter">Service</label>
          <select id="alarm-service-filter" value={serviceId} onChange={(e) => navigate(`/alarms${e.target.value === '' ? '' : `?service=${encodeURIComponent(e.target.value)}`}`, { replace: true })}>
            <option value="">All services</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      )}
      <LoadState loading={alarms.loading && alarms.data === undefined} error={alarms.error} retry={alarms.reload} />
      {alarms.data !== undefined && base.data !== undefined && clock.data !== undefined && (
        shownTeams.map((team) => {
          const teamServices = services.filter((s) => s.teamId === team.id).map((s) => s.id)
          const items = alarms.data?.filter((a) => teamServices.includes(a.serviceId)) ?? []
          return (
            <section key={team.id} className="team-group" aria-labelledby={`alarms-team-${team.id}`}>
              <h2 id={`alarms-team-${team.id}`}>{team.name}</h2>
              <AlarmList alarms={items} services={services} now={now} emptyText="No alarms on these services yet. Push metrics, then create one." />
            </section>
          )
        })
      )}
    </>
  )
}
