import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import type { MitigationReport } from '../../../types/api'
import { formatWait } from '../utils/follow-up-age'

/**
 * The warning on a rule that keeps fixing symptoms while nobody investigates: its follow-ups pile
 * up unanswered (the API's `mitigatingWithoutInvestigation`). Renders nothing otherwise.
 */
export function RuleNeglectWarning({ report }: { readonly report: MitigationReport }) {
  if (!report.mitigatingWithoutInvestigation) return null
  const open = report.followUps.open
  const oldest = report.followUps.oldestOpenHours ?? 0
  return (
    <Alert tone="warning">
      <p>
        <strong>This rule keeps restarting things but nobody investigates:</strong> {open === 1 ? '1 follow-up' : `${open} follow-ups`} open, oldest {formatWait(oldest)}.
      </p>
      <p className="alert__detail">
        Mitigation buys sleep, not a fix. <Link to="/follow-ups">Look into the follow-ups</Link> and close them with what you found.
      </p>
    </Alert>
  )
}
