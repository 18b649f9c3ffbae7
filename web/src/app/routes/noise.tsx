import { LoadState } from '../../components/load-state'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { getNoiseReport } from '../../features/noise/api/get-noise-report'
import { NoiseList } from '../../features/noise/components/noise-list'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { formatDay, parseInstant } from '../../lib/time'
import { useAuth } from '../../features/auth/hooks/use-auth'

const DAY = 86_400_000
const RANGES = [7, 30, 90] as const

/** Per team, the alarms ranked by wasted interruptions over resolved alerts, with what to do about each. */
export function NoiseRoute() {
  useDocumentTitle('Noise report')
  const { user } = useAuth()
  const { search } = useLocation()
  const teams = useAsync((signal) => getTeams(signal), [])
  const clock = useAsync(() => serverClockOffset(), [])
  const teamId = search.get('team') ?? teams.data?.[0]?.id ?? ''
  const days = Number(search.get('days') ?? 30)
  const report = useAsync(
    async (signal) => (teamId === '' || clock.data === undefined ? undefined : getNoiseReport({ teamId, from: days === 30 ? undefined : new Date(serverNow(clock.data) - days * DAY).toISOString() }, signal)),
    [teamId, days, clock.data],
  )
  const go = (next: { team?: string; days?: number }) => {
    const params = new URLSearchParams()
    params.set('team', next.team ?? teamId)
    const d = next.days ?? days
    if (d !== 30) params.set('days', String(d))
    navigate(`/alarms/noise?${params.toString()}`, { replace: true })
  }
  const zone = user.timeZone
  return (
    <>
      <div className="page__header">
        <h1>Noise report</h1>
        <p className="muted page__lead">
          The alarms that woke people for nothing, worst first. Mark resolved alerts actionable or noise on their page; an alert that cleared by itself within 5 minutes, unacknowledged, counts as noise too.
        </p>
      </div>
      <AlarmQualityNav />
      <LoadState loading={teams.loading && teams.data === undefined} error={teams.error} retry={teams.reload} />
      {teams.data !== undefined && (
        <div className="aq-filter">
          <label htmlFor="noise-team">Team</label>
          <select id="noise-team" value={teamId} onChange={(e) => go({ team: e.target.value })}>
            {teams.data.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <div className="aq-range" role="group" aria-label="Range">
            {RANGES.map((d) => (
              <button key={d} type="button" className="button button--small" aria-pressed={d === days} onClick={() => go({ days: d })}>Last {d} days</button>
            ))}
          </div>
        </div>
      )}
      <LoadState loading={report.loading && report.data === undefined} error={report.error} retry={report.reload} />
      {report.data !== undefined && (
        <section className="section" aria-labelledby="noise-heading">
          <div className="section__header">
            <h2 id="noise-heading">
              {teams.data?.find((t) => t.id === teamId)?.name ?? 'Team'}: {formatDay(parseInstant(report.data.from), zone)} – {formatDay(parseInstant(report.data.to), zone)}
            </h2>
            <span className="muted">Score = estimated wasted interruptions</span>
          </div>
          <NoiseList items={report.data.items} emptyText="No resolved alerts in this range: nothing to rank." />
        </section>
      )}
    </>
  )
}
