import { useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getAlerts } from '../../features/alerts/api/get-alerts'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getHeartbeat } from '../../features/heartbeats/api/get-heartbeat'
import { HeartbeatActions } from '../../features/heartbeats/components/heartbeat-actions'
import { HeartbeatStatusChip } from '../../features/heartbeats/components/heartbeat-status-chip'
import { PingList } from '../../features/heartbeats/components/ping-list'
import { describeSchedule, failModeText, missesText, silenceBeforePage } from '../../features/heartbeats/utils/describe-heartbeat'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { ApiError } from '../../lib/api-error'
import { navigate } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { formatAge, formatDateTime, formatDuration, formatRelative, parseInstant, zoneAbbreviation, zoneLabel } from '../../lib/time'

const REFRESH_MS = 10_000

/** One heartbeat: its status, schedule and when it pages, its open alert, and its last pings with failure output. */
export function HeartbeatRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const detail = useAsync((signal) => getHeartbeat(id, signal), [id])
  const hb = detail.data?.heartbeat
  // The heartbeat's alert has the dedup key heartbeat:1:<id> on its service.
  const alert = useAsync(
    async (signal) => (hb === undefined || !hb.alertOpen ? undefined : (await getAlerts({ status: 'open', urgency: undefined, teamId: undefined, serviceId: hb.serviceId }, signal)).find((a) => a.dedupKey === `heartbeat:1:${hb.id}`)),
    [hb?.id, hb?.alertOpen],
  )
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(detail.reload, REFRESH_MS)
  useDocumentTitle(hb?.name ?? 'Heartbeat')

  const crumb = <p className="breadcrumb"><Link to="/alarms/heartbeats">Heartbeats</Link> /</p>
  if (hb === undefined || detail.data === undefined || base.data === undefined || clock.data === undefined) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <>
          {crumb}
          <h1>Heartbeat not found</h1>
          <p className="muted">It may have been deleted: its ping URL no longer works.</p>
        </>
      )
    }
    return (
      <>
        {crumb}
        <LoadState loading={detail.loading || base.loading} error={detail.error ?? base.error} retry={detail.reload} />
      </>
    )
  }
  const [teams, services] = base.data
  const service = services.find((s) => s.id === hb.serviceId)
  const now = serverNow(clock.data)
  const zone = user.timeZone
  const when = (iso: string | null) => (iso === null ? <span className="muted">never</span> : <>{formatDateTime(parseInstant(iso), zone)} {zoneAbbreviation(parseInstant(iso), zone)} <span className="muted">({formatAge(parseInstant(iso), now)})</span></>)
  const silence = silenceBeforePage(hb.spec)

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          {crumb}
          <h1 className="rule-title"><HeartbeatStatusChip status={hb.status} /> {hb.name}</h1>
          <p className="muted">{service?.name ?? 'Unknown service'} · times in {zoneLabel(now, zone)}</p>
        </div>
        <HeartbeatActions
          heartbeat={hb}
          services={services}
          teams={teams}
          timeZone={zone}
          onChanged={(m) => {
            setNotice(m)
            setError(undefined)
            detail.reload()
          }}
          onDeleted={() => navigate('/alarms/heartbeats')}
          onError={setError}
        />
      </div>
      <AlarmQualityNav />
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {hb.alertOpen && (
        <Alert>
          <p data-testid="heartbeat-alert">
            <strong>{hb.status === 'failing' ? 'The job reported failure' : `${hb.spec.missesToAlarm} pings in a row were missed`}: its alert is open.</strong>{' '}
            {alert.data !== undefined ? <Link to={`/alerts/${alert.data.id}`}>Open the alert →</Link> : <Link to={`/alerts?serviceId=${hb.serviceId}`}>See the service’s alerts →</Link>}
          </p>
        </Alert>
      )}
      <section className="card" aria-labelledby="hb-facts-heading">
        <h2 id="hb-facts-heading">Schedule</h2>
        <dl className="facts aq-facts">
          <dt>Expected</dt>
          <dd>{describeSchedule(hb.spec.schedule)}, with {formatDuration(hb.spec.graceSeconds * 1000)} grace</dd>
          <dt>Pages when</dt>
          <dd>{missesText(hb.spec.missesToAlarm)}{silence !== null && <> (after {formatDuration(silence)} without a ping)</>}; {failModeText(hb.spec)}</dd>
          <dt>Last ping</dt>
          <dd>{when(hb.lastPingAt)}</dd>
          <dt>Last start</dt>
          <dd>{when(hb.lastStartAt)}</dd>
          <dt>Last failure</dt>
          <dd>{when(hb.lastFailAt)}</dd>
          <dt>Next check</dt>
          <dd>{parseInstant(hb.nextCheckAt) <= now ? 'due now' : formatRelative(parseInstant(hb.nextCheckAt), now)}</dd>
          <dt>Ping URL</dt>
          <dd><code>…/ping/{hb.tokenPrefix}…</code> <span className="muted">(shown in full only when created)</span></dd>
        </dl>
      </section>
      <section className="section" aria-labelledby="pings-heading">
        <div className="section__header">
          <h2 id="pings-heading">Last pings</h2>
          <span className="muted">Newest first; a failing job’s output as it sent it</span>
        </div>
        <PingList pings={detail.data.pings} zone={zone} now={now} />
      </section>
    </>
  )
}
