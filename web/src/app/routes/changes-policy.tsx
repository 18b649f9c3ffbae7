import { useState } from 'react'
import { Alert } from '../../components/alert'
import { LoadState } from '../../components/load-state'
import { getChangeMetrics } from '../../features/changes/api/get-change-metrics'
import { getDeployPolicy } from '../../features/changes/api/get-deploy-policy'
import { resetDeployPolicy } from '../../features/changes/api/reset-deploy-policy'
import { ChangesTabs } from '../../features/changes/components/changes-tabs'
import { DeployImpactBars } from '../../features/changes/components/deploy-impact-bars'
import { DeployPolicyForm } from '../../features/changes/components/deploy-policy-form'
import { DoraFigures } from '../../features/changes/components/dora-figures'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate, useLocation } from '../../lib/history'
import { formatDay, parseInstant } from '../../lib/time'

/** A team's deploy policy (`?teamId=`) with the figures that test it: deploy-to-alert delays against the support tail, and DORA. */
export function ChangesPolicyRoute() {
  useDocumentTitle('Deploy policy')
  const { search } = useLocation()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const teams = useAsync((signal) => getTeams(signal), [])
  const team = teams.data?.find((t) => t.id === search.get('teamId')) ?? teams.data?.[0]
  const policy = useAsync((signal) => (team === undefined ? Promise.resolve(undefined) : getDeployPolicy(team.id, signal)), [team?.id])
  const metrics = useAsync((signal) => (team === undefined ? Promise.resolve(undefined) : getChangeMetrics(team.id, signal)), [team?.id])
  // A new form after each save or reset, so it starts from what the server stored.
  const [generation, setGeneration] = useState(0)

  if (teams.data === undefined) return <LoadState loading={teams.loading} error={teams.error} retry={teams.reload} />
  const reset = async () => {
    if (team === undefined) return
    try {
      await resetDeployPolicy(team.id)
      setNotice('Back to the default policy: Mon–Fri 09:00–17:00, a 3 h support tail, in the team’s zone.')
      setError(undefined)
      policy.reload()
      metrics.reload()
      setGeneration((g) => g + 1)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const m = metrics.data

  return (
    <>
      <div className="page__header">
        <h1>Deploy policy</h1>
        <p className="muted page__lead">When a team may deploy: windows that leave staffed hours after every deploy (the support tail), holidays, and what else the deploy gate checks. Services inherit it field by field.</p>
      </div>
      <ChangesTabs current="/changes/policy" />
      {teams.data.length > 1 && (
        <label className="follow-up-toolbar__team">
          Team{' '}
          <select value={team?.id ?? ''} onChange={(e) => navigate(`/changes/policy?teamId=${encodeURIComponent(e.target.value)}`, { replace: true })}>
            {teams.data.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
      )}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="columns policy-layout">
        <section className="card" aria-labelledby="policy-heading">
          <div className="section__header">
            <h2 id="policy-heading">{team?.name ?? ''}</h2>
            {policy.data !== undefined && <span className="muted">{policy.data.isDefault ? 'the default policy (nothing stored)' : `stored ${policy.data.updatedAt === null ? '' : formatDay(parseInstant(policy.data.updatedAt), policy.data.policy.timeZone)}`}</span>}
          </div>
          <LoadState loading={policy.loading && policy.data === undefined} error={policy.error} retry={policy.reload} />
          {policy.data !== undefined && team !== undefined && (
            <DeployPolicyForm
              key={`${team.id}-${generation}`}
              teamId={team.id}
              policy={policy.data}
              onSaved={(_, message) => {
                setNotice(message)
                setError(undefined)
                policy.reload()
                metrics.reload()
              }}
              onReset={() => void reset()}
            />
          )}
          {policy.data !== undefined && policy.data.services.some((s) => s.source === 'service') && (
            <p className="muted">
              With their own override: {policy.data.services.filter((s) => s.source === 'service').map((s) => `${s.serviceName} (tail ${s.policy.supportTailMinutes} min)`).join(', ')}.
            </p>
          )}
        </section>
        <div className="policy-metrics">
          <section className="card" aria-labelledby="impact-heading">
            <h2 id="impact-heading" className="section__title">Does the support tail fit?</h2>
            <p className="muted">Deploys of the last 90 days and the first high-urgency alert after each, on the service or anything depending on it.</p>
            <LoadState loading={metrics.loading && m === undefined} error={metrics.error} retry={metrics.reload} />
            {m !== undefined && <DeployImpactBars impact={m.deployImpact} />}
          </section>
          <section className="card" aria-labelledby="dora-heading">
            <h2 id="dora-heading" className="section__title">DORA figures</h2>
            {m !== undefined && <DoraFigures dora={m.dora} />}
          </section>
        </div>
      </div>
    </>
  )
}
