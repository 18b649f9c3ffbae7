import { useCallback, useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getAgents } from '../../features/mitigation/api/get-agents'
import { getMitigationReport } from '../../features/mitigation/api/get-mitigation-report'
import { getMitigationRules } from '../../features/mitigation/api/get-mitigation-rules'
import { getMitigationRuns } from '../../features/mitigation/api/get-mitigation-runs'
import { RuleActions } from '../../features/mitigation/components/rule-actions'
import { RuleNeglectWarning } from '../../features/mitigation/components/rule-neglect-warning'
import { RuleReportFigures } from '../../features/mitigation/components/rule-report-figures'
import { RuleStatusChip } from '../../features/mitigation/components/rule-status-chip'
import { RuleSummary } from '../../features/mitigation/components/rule-summary'
import { RunList } from '../../features/mitigation/components/run-list'
import { RUN_STATUS } from '../../features/mitigation/utils/run-status'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { browserTimeZone, zoneLabel } from '../../lib/time'
import type { MitigationAgent, MitigationRunStatus } from '../../types/api'

const REFRESH_MS = 10_000

/** One mitigation rule: what it matches and does, its figures, and its runs with their output. */
export function MitigationRuleRoute({ id }: { readonly id: string }) {
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  // The API has no single-rule read: the rule comes from the list.
  const base = useAsync(async (signal) => {
    const [teams, services, rules] = await Promise.all([getTeams(signal), getServices(signal), getMitigationRules(undefined, signal)])
    const rule = rules.find((r) => r.id === id)
    const teamId = services.find((s) => s.id === rule?.serviceId)?.teamId
    const agents = teamId === undefined ? [] : await getAgents(teamId, signal).catch(() => [])
    return { teams, services, rule, agents }
  }, [id])
  const report = useAsync((signal) => getMitigationReport(id, signal), [id])
  const runs = useAsync((signal) => getMitigationRuns({ ruleId: id }, signal), [id])
  const clock = useAsync(() => serverClockOffset(), [])
  const { reload: reloadRuns } = runs
  const { reload: reloadReport } = report
  const refresh = useCallback(() => {
    reloadRuns()
    reloadReport()
  }, [reloadRuns, reloadReport])
  usePolling(refresh, REFRESH_MS)
  useDocumentTitle(base.data?.rule?.name ?? 'Mitigation rule')

  if (base.data === undefined || clock.data === undefined) {
    return (
      <>
        <p className="breadcrumb"><Link to="/mitigation">Mitigation</Link> /</p>
        <LoadState loading={base.loading || clock.loading} error={base.error} retry={base.reload} />
      </>
    )
  }
  const { teams, services, rule, agents } = base.data
  if (rule === undefined) {
    return (
      <>
        <p className="breadcrumb"><Link to="/mitigation">Mitigation</Link> /</p>
        <h1>Rule not found</h1>
        <p className="muted">It may have been deleted; its runs stay in the alerts’ timelines.</p>
      </>
    )
  }
  const service = services.find((s) => s.id === rule.serviceId)
  const agentsByTeam = new Map<string, readonly MitigationAgent[]>(service === undefined ? [] : [[service.teamId, agents]])
  const zone = browserTimeZone()
  const now = serverNow(clock.data)
  const byStatus = Object.entries(report.data?.byStatus ?? {})

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <p className="breadcrumb"><Link to="/mitigation">Mitigation</Link> /</p>
          <h1 className="rule-title"><RuleStatusChip rule={rule} /> {rule.name}</h1>
        </div>
        <RuleActions
          rule={rule}
          services={services}
          teams={teams}
          agentsByTeam={agentsByTeam}
          onChanged={(message) => {
            setNotice(message)
            setError(undefined)
            base.reload()
            refresh()
          }}
          onDeleted={() => navigate('/mitigation')}
          onError={setError}
        />
      </div>
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {report.data !== undefined && <RuleNeglectWarning report={report.data} />}
      <section className="card rule-detail" aria-label="About this rule">
        <RuleSummary rule={rule} serviceName={service?.name ?? 'Unknown service'} agentName={(agentId) => agents.find((a) => a.id === agentId)?.name} />
        {report.data !== undefined && <RuleReportFigures report={report.data} />}
        {byStatus.length > 0 && (
          <p className="muted">
            Outcomes: {byStatus.map(([status, n]) => `${RUN_STATUS[status as MitigationRunStatus]?.label ?? status} ${n}`).join(' · ')}
          </p>
        )}
      </section>
      <section className="section" aria-labelledby="runs-heading">
        <div className="section__header">
          <h2 id="runs-heading">Runs</h2>
          <span className="muted">Newest first; times in your zone, {zoneLabel(now, zone)}</span>
        </div>
        <LoadState loading={runs.loading && runs.data === undefined} error={runs.error} retry={runs.reload} />
        {runs.data !== undefined && <RunList runs={runs.data} zone={zone} now={now} emptyText="No runs yet: no matching alert has come in since the rule was created." />}
      </section>
    </>
  )
}
