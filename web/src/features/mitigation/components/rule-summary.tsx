import type { MitigationRule } from '../../../types/api'
import { describeAction, describeBehaviour, describeMatch } from '../utils/rule-describe'

interface RuleSummaryProps {
  readonly rule: MitigationRule
  readonly serviceName: string
  readonly agentName: (id: string) => string | undefined
}

/** What a rule matches and does, in words. */
export function RuleSummary({ rule, serviceName, agentName }: RuleSummaryProps) {
  const match = describeMatch(rule.match)
  return (
    <dl className="facts rule-summary">
      <dt>Service</dt>
      <dd>{serviceName}</dd>
      <dt>When</dt>
      <dd>
        {match.length === 0 ? <span className="muted">nothing (the API refuses such a rule)</span> : match.map((m, i) => (
          <span key={m}>{i > 0 && <span className="muted"> and </span>}<code className="rule-summary__cond">{m}</code></span>
        ))}
      </dd>
      <dt>Does</dt>
      <dd>
        <code className="rule-summary__action">{describeAction(rule.action, agentName)}</code>{' '}
        <span className="muted">(timeout {rule.action.timeoutSeconds} s)</span>
      </dd>
      <dt>Then</dt>
      <dd className="rule-summary__behaviour">{describeBehaviour(rule)}</dd>
    </dl>
  )
}
