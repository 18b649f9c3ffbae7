import { useState } from 'react'
import { Alert } from '../../components/alert'
import { LoadState } from '../../components/load-state'
import { deletePolicy } from '../../features/escalation/api/delete-policy'
import { getPolicies } from '../../features/escalation/api/get-policies'
import { getPolicy } from '../../features/escalation/api/get-policy'
import { PolicyCreateDialog } from '../../features/escalation/components/policy-create-dialog'
import { PolicyList } from '../../features/escalation/components/policy-list'
import { PolicyWarnings } from '../../features/escalation/components/policy-warnings'
import { getReadiness } from '../../features/readiness/api/get-readiness'
import { ReadinessList } from '../../features/readiness/components/readiness-list'
import { getSchedules } from '../../features/schedules/api/get-schedules'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import type { EscalationPolicy } from '../../types/api'

/** Escalation policies by team, each team's people who cannot be woken, and forms to create and edit policies. */
export function PoliciesRoute() {
  useDocumentTitle('Escalation policies')
  const [saved, setSaved] = useState<EscalationPolicy>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getUsers(signal), getSchedules(signal), getServices(signal)]), [])
  const policies = useAsync(async (signal) => {
    // Only a single policy's answer carries its warnings, so each is fetched; teams have a handful.
    const list = await getPolicies(signal)
    return Promise.all(list.map((p) => getPolicy(p.id, signal)))
  }, [])
  const teamIds = base.data?.[0].map((t) => t.id) ?? []
  const readiness = useAsync(
    async (signal) => new Map(await Promise.all(teamIds.map(async (id) => [id, await getReadiness(id, signal)] as const))),
    [teamIds.join(',')],
  )

  const refresh = () => {
    policies.reload()
    readiness.reload()
    base.reload()
  }
  const onSaved = (policy: EscalationPolicy) => {
    setSaved(policy)
    refresh()
  }

  if (base.data === undefined) return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  const [teams, users, schedules, services] = base.data
  const all = policies.data ?? []
  // Teams with policies first, then the rest, each by name.
  const shownTeams = [...teams].sort((a, b) => Number(all.some((p) => p.teamId === b.id)) - Number(all.some((p) => p.teamId === a.id)) || a.name.localeCompare(b.name))

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Escalation policies</h1>
          <p className="muted">Who is paged, in what order, while an alert on a service stays unacknowledged.</p>
        </div>
        <PolicyCreateDialog teams={teams} users={users} schedules={schedules} onSaved={onSaved} />
      </div>
      {saved !== undefined &&
        (saved.warnings !== undefined && saved.warnings.length > 0 ? (
          <PolicyWarnings warnings={saved.warnings} lead={`Saved “${saved.name}”, but not everyone in it can be woken:`} />
        ) : (
          <Alert tone="info">Saved “{saved.name}”. Everyone in it can be woken.</Alert>
        ))}
      <LoadState loading={policies.loading && policies.data === undefined} error={policies.error ?? readiness.error} retry={refresh} />
      {policies.data !== undefined &&
        shownTeams.map((team) => (
          <section key={team.id} className="team-group" aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>{team.name}</h2>
            {readiness.data?.get(team.id) !== undefined && <ReadinessList items={readiness.data.get(team.id) ?? []} scope={team.name} />}
            <PolicyList
              policies={all.filter((p) => p.teamId === team.id)}
              teams={teams}
              users={users}
              schedules={schedules}
              services={services}
              onSaved={onSaved}
              onDelete={async (p) => {
                await deletePolicy(p.id)
                setSaved(undefined)
                refresh()
              }}
            />
          </section>
        ))}
    </>
  )
}
