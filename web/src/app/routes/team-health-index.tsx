import { useEffect } from 'react'
import { DemoBadge } from '../../components/demo-badge'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { healthPath } from '../../features/oncall-health/components/health-tabs'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate } from '../../lib/history'

/** "Health" in the nav: the one team's dashboard, or a list to pick a team from. */
export function TeamHealthIndexRoute() {
  useDocumentTitle('On-call health')
  const teams = useAsync((signal) => getTeams(signal), [])
  const only = teams.data?.length === 1 ? teams.data[0] : undefined
  useEffect(() => {
    if (only !== undefined) navigate(healthPath(only.id), { replace: true })
  }, [only])
  if (teams.data === undefined || only !== undefined) return <LoadState loading={teams.loading || only !== undefined} error={teams.error} retry={teams.reload} />
  return (
    <>
      <div className="page__header">
        <h1>On-call health</h1>
        <p className="muted page__lead">The cost of on-call is carried by the company, not the individual. Pick a team to see its pages, wake-ups, reliefs and recommendations.</p>
      </div>
      {teams.data.length === 0 ? (
        <p className="empty">No teams yet. <Link to="/teams">Create one</Link></p>
      ) : (
        <ul className="health-team-list">
          {teams.data.map((t) => (
            <li key={t.id} className="card">
              <Link to={healthPath(t.id)}><strong>{t.name}</strong></Link> <DemoBadge show={t.isDemo} />
              <span className="muted"> · {t.timeZone}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
