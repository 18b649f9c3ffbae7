import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getAlert } from '../../features/alerts/api/get-alert'
import { AlertActions } from '../../features/alerts/components/alert-actions'
import { AlertFacts } from '../../features/alerts/components/alert-facts'
import { AlertNotificationTable } from '../../features/alerts/components/alert-notification-table'
import { AlertStatusBadge } from '../../features/alerts/components/alert-status-badge'
import { AlertTimelineList } from '../../features/alerts/components/alert-timeline-list'
import { UrgencyBadge } from '../../features/alerts/components/urgency-badge'
import { buildTimeline } from '../../features/alerts/utils/alert-timeline'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { RecentChangesPanel } from '../../features/changes/components/recent-changes-panel'
import { AlertMitigationPanel } from '../../features/mitigation/components/alert-mitigation-panel'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { formatAge, parseInstant, zoneLabel } from '../../lib/time'

const REFRESH_MS = 10_000

/** One alert: what and where, the actions on it, everything that happened (timeline) and every notification. */
export function AlertRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const detail = useAsync((signal) => getAlert(id, signal), [id])
  const base = useAsync((signal) => Promise.all([getUsers(signal), getTeams(signal)]), [])
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(detail.reload, REFRESH_MS)
  useDocumentTitle(detail.data?.alert.summary ?? 'Alert')

  // Ages wait for the server's clock too (it never fails: it falls back to the browser's).
  if (detail.data === undefined || clock.data === undefined) {
    return (
      <>
        <p className="breadcrumb"><Link to="/alerts">Alerts</Link> /</p>
        <LoadState loading={detail.loading || clock.loading} error={detail.error} retry={detail.reload} />
      </>
    )
  }
  const { alert, timeline, notifications, viewer } = detail.data
  const [users, teams] = base.data ?? [[], []]
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? 'Someone'
  const now = serverNow(clock.data)
  const zone = user.timeZone
  const rows = buildTimeline(timeline, notifications, nameOf)

  return (
    <>
      <div className="page__header">
        <p className="breadcrumb"><Link to="/alerts">Alerts</Link> /</p>
        <h1>{alert.summary}</h1>
        <p className="alert-header__meta">
          <AlertStatusBadge status={alert.status} /> <UrgencyBadge urgency={alert.urgency} />{' '}
          <span className="muted">
            {alert.serviceName} · opened {formatAge(parseInstant(alert.createdAt), now)} · {alert.eventCount === 1 ? '1 event' : `${alert.eventCount} events`}
          </span>
        </p>
      </div>
      {/* Polling refreshes the alert; a failed refresh says so without hiding what is shown. */}
      <LoadState loading={false} error={detail.error} retry={detail.reload} />
      <AlertActions alert={alert} viewer={viewer} users={users} onChanged={detail.reload} />
      <AlertMitigationPanel alertId={alert.id} alertStatus={alert.status} zone={zone} />
      <RecentChangesPanel alertId={alert.id} alertAt={parseInstant(alert.createdAt)} serviceName={alert.serviceName} zone={zone} />
      <div className="columns">
        <AlertFacts alert={alert} teamName={teams.find((t) => t.id === alert.teamId)?.name} nameOf={nameOf} zone={zone} now={now} />
        <section className="card" aria-labelledby="timeline-heading">
          <div className="section__header">
            <h2 id="timeline-heading">Timeline</h2>
            <span className="muted">Times in {zoneLabel(now, zone)}</span>
          </div>
          <AlertTimelineList rows={rows} zone={zone} />
        </section>
      </div>
      <section aria-labelledby="notifications-heading" className="section">
        <h2 id="notifications-heading" className="section__title">Notifications</h2>
        <AlertNotificationTable notifications={notifications} nameOf={nameOf} zone={zone} />
      </section>
    </>
  )
}
