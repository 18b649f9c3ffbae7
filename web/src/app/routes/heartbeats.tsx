import { useState } from 'react'
import { LoadState } from '../../components/load-state'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getHeartbeats } from '../../features/heartbeats/api/get-heartbeats'
import { HeartbeatCreateDialog } from '../../features/heartbeats/components/heartbeat-create-dialog'
import { HeartbeatList } from '../../features/heartbeats/components/heartbeat-list'
import { PingUrlNotice } from '../../features/heartbeats/components/ping-url-notice'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 15_000

/** Heartbeats (dead man's switches for cron jobs) by team, and a form to create one; a new one's ping URL is shown once. */
export function HeartbeatsRoute() {
  useDocumentTitle('Heartbeats')
  const { user } = useAuth()
  const { search } = useLocation()
  const serviceId = search.get('service') ?? ''
  const [created, setCreated] = useState<{ readonly name: string; readonly pingUrl: string }>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const heartbeats = useAsync((signal) => getHeartbeats({ serviceId: serviceId === '' ? undefined : serviceId }, signal), [serviceId])
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(heartbeats.reload, REFRESH_MS)
  const query = serviceId === '' ? '' : `?service=${encodeURIComponent(serviceId)}`

  const [teams, services] = base.data ?? [[], []]
  const now = serverNow(clock.data)
  const shownTeams = teams.filter((t) => serviceId === '' || services.some((s) => s.id === serviceId && s.teamId === t.id))
  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Heartbeats</h1>
          <p className="muted page__lead">
            A job pings its URL when it runs. Tend pages only after N expected pings in a row were missed (one late run is not a disaster), or when the job reports failure.
            Times in {zoneLabel(now, user.timeZone)}.
          </p>
        </div>
        {base.data !== undefined && (
          <HeartbeatCreateDialog
            services={services}
            teams={teams}
            serviceId={serviceId}
            timeZone={user.timeZone}
            onCreated={(c) => {
              setCreated({ name: c.heartbeat.name, pingUrl: c.pingUrl })
              heartbeats.reload()
            }}
          />
        )}
      </div>
      <AlarmQualityNav query={query} />
      {created !== undefined && <PingUrlNotice name={created.name} pingUrl={created.pingUrl} onDismiss={() => setCreated(undefined)} />}
      <LoadState loading={base.loading && base.data === undefined} error={base.error} retry={base.reload} />
      {base.data !== undefined && (
        <div className="aq-filter">
          <label htmlFor="hb-service-filter">Service</label>
          <select id="hb-service-filter" value={serviceId} onChange={(e) => navigate(`/alarms/heartbeats${e.target.value === '' ? '' : `?service=${encodeURIComponent(e.target.value)}`}`, { replace: true })}>
            <option value="">All services</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      )}
      <LoadState loading={heartbeats.loading && heartbeats.data === undefined} error={heartbeats.error} retry={heartbeats.reload} />
      {heartbeats.data !== undefined && base.data !== undefined && clock.data !== undefined && (
        shownTeams.map((team) => {
          const teamServices = services.filter((s) => s.teamId === team.id).map((s) => s.id)
          return (
            <section key={team.id} className="team-group" aria-labelledby={`hb-team-${team.id}`}>
              <h2 id={`hb-team-${team.id}`}>{team.name}</h2>
              <HeartbeatList
                heartbeats={heartbeats.data?.filter((h) => teamServices.includes(h.serviceId)) ?? []}
                services={services}
                zone={user.timeZone}
                now={now}
                emptyText="No heartbeats yet. Create one for each cron job whose silence should wake someone."
              />
            </section>
          )
        })
      )}
    </>
  )
}
