import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getWeeklyReport } from '../../features/oncall-health/api/get-weekly-report'
import { CompensationDownloadButton } from '../../features/oncall-health/components/compensation-download-button'
import { HealthPageHeader } from '../../features/oncall-health/components/health-page-header'
import { healthPath } from '../../features/oncall-health/components/health-tabs'
import { WeekPicker } from '../../features/oncall-health/components/week-picker'
import { WeeklyReportView } from '../../features/oncall-health/components/weekly-report-view'
import { addIsoWeeks, isIsoWeek, isoWeekOf } from '../../features/oncall-health/utils/iso-week'
import { findTeam, isTeamAdmin } from '../../features/oncall-health/utils/team-access'
import { getTeamMembers } from '../../features/teams/api/get-team-members'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'

/** The weekly on-call report of an ISO week (`?week=2026-W48`; default the last complete week) and the compensation CSV. */
export function TeamHealthReportRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const { search } = useLocation()
  const asked = search.get('week') ?? ''
  const week = isIsoWeek(asked) ? asked : undefined
  const base = useAsync(async (signal) => {
    const [teams, offset] = await Promise.all([getTeams(signal), serverClockOffset()])
    const team = findTeam(teams, id)
    const members = team === undefined ? [] : await getTeamMembers(team.id, signal)
    return { teams, team, members, offset }
  }, [id])
  const teamId = base.data?.team?.id
  const report = useAsync((signal) => (teamId === undefined ? Promise.resolve(undefined) : getWeeklyReport(teamId, week, signal)), [teamId, week])
  useDocumentTitle(base.data?.team === undefined ? 'Weekly on-call report' : `Weekly on-call report: ${base.data.team.name}`)

  if (base.data === undefined) return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  const { teams, team, members, offset } = base.data
  if (team === undefined) {
    return (
      <div className="page__header">
        <h1>No such team</h1>
        <p className="muted">There is no team “{id}”. <Link to="/teams">All teams</Link></p>
      </div>
    )
  }
  // The server's default is the last complete ISO week in the team's zone; the current one can be read so far.
  const current = isoWeekOf(serverNow(offset), team.timeZone)
  const shown = report.data?.week ?? week ?? addIsoWeeks(current, -1)
  const setWeek = (next: string) => navigate(`${healthPath(team.id, 'report')}?week=${next}`, { replace: true })

  return (
    <>
      <HealthPageHeader team={team} teams={teams} view="report">
        <WeekPicker week={shown} latest={current} onChange={setWeek} />
      </HealthPageHeader>
      <LoadState loading={report.loading} error={report.error} retry={report.reload} />
      {report.data !== undefined && !report.loading && (
        <>
          <div className="section__header report-actions">
            <p className="muted">
              {report.data.week === current ? 'This week so far; the team channels receive the whole week after it ends' : 'What the team channels receive'}
              {team.timeZone === 'UTC' ? '.' : ` (weeks in ${team.timeZone}).`}
            </p>
            {isTeamAdmin(user, members) ? (
              <CompensationDownloadButton teamId={team.id} from={report.data.report.from} to={report.data.report.to} />
            ) : (
              <span className="muted">Team admins can download the compensation CSV.</span>
            )}
          </div>
          <WeeklyReportView report={report.data} />
        </>
      )}
    </>
  )
}
