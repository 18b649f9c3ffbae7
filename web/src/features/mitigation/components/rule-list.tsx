import type { MitigationAgent, MitigationReport, MitigationRule, Service, Team } from '../../../types/api'
import { RuleCard } from './rule-card'

interface RuleListProps {
  readonly rules: readonly MitigationRule[]
  readonly reports: ReadonlyMap<string, MitigationReport>
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  readonly onChanged: (message: string) => void
  readonly onError: (message: string) => void
}

/** A team's rules as cards, neglected ones first. */
export function RuleList({ rules, reports, ...rest }: RuleListProps) {
  if (rules.length === 0) return <p className="empty">No mitigation rules for this team. Every alert pages a person.</p>
  const neglected = (r: MitigationRule) => (reports.get(r.id)?.mitigatingWithoutInvestigation === true ? 0 : 1)
  const sorted = [...rules].sort((a, b) => neglected(a) - neglected(b))
  return (
    <div className="rule-grid">
      {sorted.map((r) => <RuleCard key={r.id} rule={r} report={reports.get(r.id)} {...rest} />)}
    </div>
  )
}
