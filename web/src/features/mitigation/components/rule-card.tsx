import { Link } from '../../../components/link'
import type { MitigationAgent, MitigationReport, MitigationRule, Service, Team } from '../../../types/api'
import { RuleActions } from './rule-actions'
import { RuleNeglectWarning } from './rule-neglect-warning'
import { RuleReportFigures } from './rule-report-figures'
import { RuleStatusChip } from './rule-status-chip'
import { RuleSummary } from './rule-summary'

interface RuleCardProps {
  readonly rule: MitigationRule
  /** Undefined while it loads. */
  readonly report: MitigationReport | undefined
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  readonly onChanged: (message: string) => void
  readonly onError: (message: string) => void
}

/** One rule: its state, what it matches and does, its figures, the neglect warning and its actions. */
export function RuleCard({ rule, report, services, teams, agentsByTeam, onChanged, onError }: RuleCardProps) {
  const service = services.find((s) => s.id === rule.serviceId)
  const agentName = (id: string) => [...agentsByTeam.values()].flat().find((a) => a.id === id)?.name
  return (
    <article className={`card rule-card rule-card--${rule.paused ? 'paused' : rule.dryRun ? 'dry-run' : 'active'}`} aria-labelledby={`rule-${rule.id}`}>
      <header className="rule-card__header">
        <div className="rule-card__title">
          <RuleStatusChip rule={rule} />
          <h3 id={`rule-${rule.id}`}>
            <Link to={`/mitigation/rules/${rule.id}`}>{rule.name}</Link>
          </h3>
        </div>
        <RuleActions rule={rule} services={services} teams={teams} agentsByTeam={agentsByTeam} onChanged={onChanged} onDeleted={onChanged} onError={onError} />
      </header>
      {report !== undefined && <RuleNeglectWarning report={report} />}
      <RuleSummary rule={rule} serviceName={service?.name ?? 'Unknown service'} agentName={agentName} />
      {rule.dryRun && !rule.paused && (
        <p className="rule-card__note">
          Dry run: records what it would have done and does nothing{report !== undefined && report.dryRuns > 0 ? ` (${report.dryRuns === 1 ? '1 dry run' : `${report.dryRuns} dry runs`} so far)` : ''}. Go live when that looks right.
        </p>
      )}
      {report === undefined ? <p className="muted">Loading figures…</p> : <RuleReportFigures report={report} />}
      <p className="rule-card__footer">
        <Link to={`/mitigation/rules/${rule.id}`}>Runs and output<span className="visually-hidden"> of {rule.name}</span> →</Link>
      </p>
    </article>
  )
}
