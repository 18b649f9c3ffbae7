import { useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { deleteAgent } from '../../features/mitigation/api/delete-agent'
import { getAgents } from '../../features/mitigation/api/get-agents'
import { getMitigationReport } from '../../features/mitigation/api/get-mitigation-report'
import { getMitigationRules } from '../../features/mitigation/api/get-mitigation-rules'
import { AgentCreateDialog } from '../../features/mitigation/components/agent-create-dialog'
import { AgentList } from '../../features/mitigation/components/agent-list'
import { RuleCreateDialog } from '../../features/mitigation/components/rule-create-dialog'
import { RuleList } from '../../features/mitigation/components/rule-list'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import type { MitigationAgent, MitigationRule } from '../../types/api'

// Agents report in every few seconds; a minute is soon enough to notice one went offline.
const AGENTS_REFRESH_MS = 30_000

/** A team's agents, or why they could not be loaded (no role on the team, say), so one team does not hide the others. */
async function agentsOrError(teamId: string, signal: AbortSignal): Promise<readonly MitigationAgent[] | Error> {
  try {
    return await getAgents(teamId, signal)
  } catch (err) {
    if (signal.aborted) throw err
    return err instanceof Error ? err : new Error(String(err))
  }
}

/** Mitigation rules by team with their figures and warnings, forms to create and change them, and each team's agents. */
export function MitigationRoute() {
  useDocumentTitle('Mitigation')
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [secret, setSecret] = useState<{ readonly rule: string; readonly value: string }>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal), getMitigationRules(undefined, signal)]), [])
  const teamIds = base.data?.[0].map((t) => t.id) ?? []
  const ruleIds = base.data?.[2].map((r) => r.id) ?? []
  const agents = useAsync(async (signal) => new Map(await Promise.all(teamIds.map(async (id) => [id, await agentsOrError(id, signal)] as const))), [teamIds.join(',')])
  const reports = useAsync(async (signal) => new Map(await Promise.all(ruleIds.map(async (id) => [id, await getMitigationReport(id, signal)] as const))), [ruleIds.join(',')])
  const clock = useAsync(() => serverClockOffset(), [])
  usePolling(agents.reload, AGENTS_REFRESH_MS)

  const refresh = () => {
    base.reload()
    reports.reload()
    agents.reload()
  }
  const onChanged = (message: string) => {
    setNotice(message)
    setError(undefined)
    setSecret(undefined)
    refresh()
  }
  const onError = (message: string) => {
    setError(message)
    setNotice(undefined)
  }
  const onCreated = (rule: MitigationRule) => {
    onChanged(`Created “${rule.name}”. It starts in dry run: it records what it would have done on matching alerts. Go live when that looks right.`)
    if (rule.signingSecret !== undefined) setSecret({ rule: rule.name, value: rule.signingSecret })
  }

  if (base.data === undefined) return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  const [teams, services, rules] = base.data
  const agentsByTeam = new Map<string, readonly MitigationAgent[]>()
  for (const [id, list] of agents.data ?? []) if (!(list instanceof Error)) agentsByTeam.set(id, list)
  const teamOf = (r: MitigationRule) => services.find((s) => s.id === r.serviceId)?.teamId
  const shownTeams = [...teams].sort((a, b) => Number(rules.some((r) => teamOf(r) === b.id)) - Number(rules.some((r) => teamOf(r) === a.id)) || a.name.localeCompare(b.name))
  const now = serverNow(clock.data)

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Mitigation</h1>
          <p className="muted page__lead">
            Rules that fix a known problem (restart on out-of-memory, say), check that the alert cleared, and file a follow-up for the team’s next working morning.
            A mitigation that fails or loops pages a human. <Link to="/follow-ups">Follow-ups inbox →</Link>
          </p>
        </div>
        <RuleCreateDialog services={services} teams={teams} agentsByTeam={agentsByTeam} onCreated={onCreated} />
      </div>
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {secret !== undefined && (
        <Alert tone="info">
          <p>
            Signing secret for “{secret.rule}”, shown only now: <code data-testid="rule-signing-secret">{secret.value}</code>
          </p>
          <p className="alert__detail">
            Tend signs each HTTP call of this rule with it (header <code>x-tend-signature: t=…,v1=…</code>, an HMAC-SHA256 of <code>t.body</code>); store it where the receiver checks signatures.
          </p>
        </Alert>
      )}
      <LoadState loading={false} error={reports.error} retry={reports.reload} />
      {shownTeams.map((team) => {
        const teamAgents = agents.data?.get(team.id)
        return (
          <section key={team.id} className="team-group" aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>{team.name} <span className="muted team-group__zone">working mornings in {team.timeZone}</span></h2>
            <RuleList
              rules={rules.filter((r) => teamOf(r) === team.id)}
              reports={reports.data ?? new Map()}
              services={services}
              teams={teams}
              agentsByTeam={agentsByTeam}
              onChanged={onChanged}
              onError={onError}
            />
            <section className="card agents-card" aria-labelledby={`agents-${team.id}`}>
              <div className="section__header">
                <div>
                  <h3 id={`agents-${team.id}`}>Agents</h3>
                  <p className="muted">Hosts that run commands from their own allow-list for the rules; Tend sends a command name, never a shell line.</p>
                </div>
                <AgentCreateDialog teamId={team.id} teamName={team.name} server={window.location.origin} onCreated={agents.reload} />
              </div>
              {teamAgents === undefined ? (
                <LoadState loading={agents.loading} error={agents.error} retry={agents.reload} />
              ) : teamAgents instanceof Error ? (
                <Alert>Could not load the agents: {teamAgents.message}</Alert>
              ) : (
                <AgentList
                  agents={teamAgents}
                  now={now}
                  onRemove={async (a) => {
                    await deleteAgent(team.id, a.id)
                    onChanged(`Removed the agent “${a.name}”: its token no longer works.`)
                  }}
                />
              )}
            </section>
          </section>
        )
      })}
    </>
  )
}
