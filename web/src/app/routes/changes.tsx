import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getChanges } from '../../features/changes/api/get-changes'
import { ChangeFilterBar, type ChangeListFilter } from '../../features/changes/components/change-filter-bar'
import { ChangeList } from '../../features/changes/components/change-list'
import { ChangesTabs } from '../../features/changes/components/changes-tabs'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 30_000

/** Change requests newest first, filtered by state, team, service and author (kept in the query string). */
export function ChangesRoute() {
  useDocumentTitle('Change requests')
  const { user } = useAuth()
  const { search } = useLocation()
  const filter: ChangeListFilter = {
    state: search.get('state') ?? 'open',
    teamId: search.get('teamId') ?? '',
    serviceId: search.get('serviceId') ?? '',
    mine: search.get('mine') === '1',
  }
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const list = useAsync(
    (signal) => getChanges({ state: filter.state, ...(filter.serviceId !== '' ? { serviceId: filter.serviceId } : filter.teamId !== '' ? { teamId: filter.teamId } : {}), ...(filter.mine ? { authorId: user.id } : {}) }, signal),
    [filter.state, filter.teamId, filter.serviceId, filter.mine, user.id],
  )
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(list.reload, REFRESH_MS)
  const setFilter = (next: ChangeListFilter) => {
    const q = new URLSearchParams()
    if (next.state !== 'open') q.set('state', next.state)
    if (next.teamId !== '') q.set('teamId', next.teamId)
    if (next.serviceId !== '') q.set('serviceId', next.serviceId)
    if (next.mine) q.set('mine', '1')
    const qs = q.toString()
    navigate(`/changes${qs === '' ? '' : `?${qs}`}`, { replace: true })
  }
  const [teams, services] = base.data ?? [[], []]
  const zone = user.timeZone

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Change requests</h1>
          <p className="muted page__lead">Every change names what it touches, its worst case and a concrete way back. Planned times in your zone, {zoneLabel(serverNow(clock.data), zone)}.</p>
        </div>
        <Link to="/changes/new" className="button button--primary">New change request</Link>
      </div>
      <ChangesTabs current="/changes" />
      <ChangeFilterBar filter={filter} teams={teams} services={services} onChange={setFilter} />
      <LoadState loading={list.loading && list.data === undefined} error={list.error ?? base.error} retry={list.reload} />
      {list.data !== undefined && <ChangeList changes={list.data} zone={zone} emptyText={filter.state === 'open' ? 'No open change requests.' : 'No change requests match.'} />}
    </>
  )
}
