import { useState } from 'react'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getHealthSettings } from '../../features/oncall-health/api/get-health-settings'
import { HealthPageHeader } from '../../features/oncall-health/components/health-page-header'
import { HealthSettingsForm } from '../../features/oncall-health/components/health-settings-form'
import { TeamChannelsSection } from '../../features/oncall-health/components/team-channels-section'
import { findTeam, isTeamAdmin } from '../../features/oncall-health/utils/team-access'
import { getTeamMembers } from '../../features/teams/api/get-team-members'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { formatDateTime, zoneAbbreviation } from '../../lib/time'

/** A team's on-call health settings (team admins change them), its channels, and the latest messages to them. */
export function TeamHealthSettingsRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const base = useAsync(async (signal) => {
    const teams = await getTeams(signal)
    const team = findTeam(teams, id)
    if (team === undefined) return { teams, team, members: [], settings: undefined }
    const [members, settings] = await Promise.all([getTeamMembers(team.id, signal), getHealthSettings(team.id, signal)])
    return { teams, team, members, settings }
  }, [id])
  useDocumentTitle(base.data?.team === undefined ? 'On-call health settings' : `On-call health settings: ${base.data.team.name}`)

  if (base.data === undefined) return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  const { teams, team, members, settings } = base.data
  if (team === undefined || settings === undefined) {
    return (
      <div className="page__header">
        <h1>No such team</h1>
        <p className="muted">There is no team “{id}”. <Link to="/teams">All teams</Link></p>
      </div>
    )
  }
  const canEdit = isTeamAdmin(user, members)
  const updatedAt = savedAt ?? settings.updatedAt
  return (
    <>
      <HealthPageHeader team={team} teams={teams} view="settings" />
      <section className="card health-card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <p className="muted">
          {updatedAt === null ? 'Tend’s defaults: nobody has changed them yet.' : `Last saved ${formatDateTime(Date.parse(updatedAt), team.timeZone)} ${zoneAbbreviation(Date.parse(updatedAt), team.timeZone)}. Times on this page are in the team’s zone, ${team.timeZone}.`}
        </p>
        <HealthSettingsForm key={settings.updatedAt ?? 'defaults'} teamId={team.id} zone={team.timeZone} settings={settings} canEdit={canEdit} onSaved={(s) => setSavedAt(s.updatedAt)} />
      </section>
      <TeamChannelsSection teamId={team.id} zone={team.timeZone} canEdit={canEdit} />
    </>
  )
}
