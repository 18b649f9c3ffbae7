import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { healthPath } from '../../features/oncall-health/components/health-tabs'
import { getTeams } from '../../features/teams/api/get-teams'
import { TeamCreateDialog } from '../../features/teams/components/team-create-dialog'
import { TeamList } from '../../features/teams/components/team-list'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'

/** Every team, and a form to create one. */
export function TeamsRoute() {
  useDocumentTitle('Teams')
  const { data, error, loading, reload } = useAsync((signal) => getTeams(signal), [])
  return (
    <>
      <div className="page__header page__header--actions">
        <h1>Teams</h1>
        <TeamCreateDialog onCreated={reload} />
      </div>
      <LoadState loading={loading && data === undefined} error={error} retry={reload} />
      {data !== undefined && <TeamList teams={data} />}
      {data !== undefined && data.length > 0 && (
        <nav className="team-health-links" aria-label="On-call health by team">
          <h2>On-call health</h2>
          <ul>
            {data.map((t) => <li key={t.id}><Link to={healthPath(t.id)}>{t.name}: pages, wake-ups, reliefs →</Link></li>)}
          </ul>
        </nav>
      )}
    </>
  )
}
