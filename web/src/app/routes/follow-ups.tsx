import { useCallback, useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getFollowUps } from '../../features/mitigation/api/get-follow-ups'
import { FollowUpList } from '../../features/mitigation/components/follow-up-list'
import { announceFollowUpsChanged } from '../../features/mitigation/utils/follow-up-events'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { browserTimeZone, zoneLabel } from '../../lib/time'
import type { FollowUp } from '../../types/api'

const REFRESH_MS = 30_000

/** Follow-ups by due time: open ones with Close (a note is required), and a Closed tab; filtered by team. */
export function FollowUpsRoute() {
  useDocumentTitle('Follow-ups')
  const { search } = useLocation()
  const status = search.get('status') === 'closed' ? 'closed' : 'open'
  const teamId = search.get('teamId') ?? ''
  const [closed, setClosed] = useState<FollowUp>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal), getUsers(signal)]), [])
  const list = useAsync((signal) => getFollowUps({ status, ...(teamId === '' ? {} : { teamId }) }, signal), [status, teamId])
  const clock = useAsync(() => serverClockOffset(), [])
  const { reload } = list
  usePolling(reload, REFRESH_MS)
  const onClosed = useCallback(
    (f: FollowUp) => {
      setClosed(f)
      reload()
      announceFollowUpsChanged()
    },
    [reload],
  )

  const href = (next: { status?: string; teamId?: string }) => {
    const q = new URLSearchParams()
    const s = next.status ?? status
    const t = next.teamId ?? teamId
    if (s !== 'open') q.set('status', s)
    if (t !== '') q.set('teamId', t)
    const qs = q.toString()
    return `/follow-ups${qs === '' ? '' : `?${qs}`}`
  }
  const [teams, services, users] = base.data ?? [[], [], []]
  const nameOf = (idOrLabel: string) => users.find((u) => u.id === idOrLabel)?.name ?? idOrLabel
  const zone = browserTimeZone()
  const now = serverNow(clock.data)

  return (
    <>
      <div className="page__header">
        <h1>Follow-ups</h1>
        <p className="muted page__lead">
          Work Tend filed after mitigating an alert without waking anyone: find out why it happened. Each is due at the start of its team’s next working day.
          Times in your zone, {zoneLabel(now, zone)}.
        </p>
      </div>
      <div className="follow-up-toolbar">
        <nav className="tabs" aria-label="Follow-up status">
          <Link to={href({ status: 'open' })} className="tabs__tab" aria-current={status === 'open' ? 'page' : undefined}>Open</Link>
          <Link to={href({ status: 'closed' })} className="tabs__tab" aria-current={status === 'closed' ? 'page' : undefined}>Closed</Link>
        </nav>
        {teams.length > 1 && (
          <label className="follow-up-toolbar__team">
            Team{' '}
            <select value={teamId} onChange={(e) => navigate(href({ teamId: e.target.value }), { replace: true })}>
              <option value="">All teams</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </label>
        )}
      </div>
      {closed !== undefined && status === 'open' && (
        <Alert tone="info">
          <p>Closed “{closed.title}”. <Link to={href({ status: 'closed' })}>See closed follow-ups</Link></p>
        </Alert>
      )}
      <LoadState loading={list.loading && list.data === undefined} error={list.error ?? base.error} retry={list.reload} />
      {list.data !== undefined && clock.data !== undefined && (
        <FollowUpList
          followUps={status === 'closed' ? [...list.data].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '')) : list.data}
          teams={teams}
          services={services}
          zone={zone}
          now={now}
          nameOf={nameOf}
          onClosed={onClosed}
          emptyText={status === 'open' ? 'No open follow-ups: every mitigation has been looked into.' : 'No closed follow-ups yet.'}
        />
      )}
    </>
  )
}
