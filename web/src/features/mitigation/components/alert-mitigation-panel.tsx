import { Link } from '../../../components/link'
import { useAsync } from '../../../hooks/use-async'
import { usePolling } from '../../../hooks/use-polling'
import { formatTimeSeconds, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { MitigationRun } from '../../../types/api'
import { getMitigationRules } from '../api/get-mitigation-rules'
import { getMitigationRuns } from '../api/get-mitigation-runs'
import { isRunInFlight } from '../utils/run-status'
import { RunOutput } from './run-output'
import { RunStatusBadge } from './run-status-badge'

interface AlertMitigationPanelProps {
  readonly alertId: string
  /** Reloads the runs when the alert changes state (resolving it is what a verifying run waits for). */
  readonly alertStatus: string
  /** The viewer's zone. */
  readonly zone: string
}

const REFRESH_MS = 10_000

/** What a run means for the people on call, in one line. */
function headline(run: MitigationRun, rule: string): string {
  switch (run.status) {
    case 'succeeded':
      return `by “${rule}”: the alert cleared and nobody was paged. A follow-up is due at the team’s next working morning.`
    case 'dry_run':
      return `Dry run: “${rule}” would have run ${run.actionSummary}; nothing was done.`
    case 'pending':
    case 'running':
      return `Mitigating with “${rule}”…`
    case 'verifying':
      return `“${rule}” ran; waiting for the alert to clear.`
    case 'looping':
      return `Mitigation is looping: “${rule}” ran too often for this alert, so Tend stopped and paged a human.`
    default:
      return `Mitigation “${rule}” did not work, so a human was paged.`
  }
}

/**
 * The alert's mitigation runs, newest first: what ran, how it ended, and its output. Renders
 * nothing for an alert no rule acted on.
 */
export function AlertMitigationPanel({ alertId, alertStatus, zone }: AlertMitigationPanelProps) {
  const runs = useAsync((signal) => getMitigationRuns({ alertId }, signal), [alertId, alertStatus])
  const rules = useAsync((signal) => getMitigationRules(undefined, signal), [])
  usePolling(runs.reload, REFRESH_MS, runs.data?.some((r) => isRunInFlight(r.status)) === true)
  const items = runs.data ?? []
  const latest = items[0]
  if (latest === undefined) return null
  const ruleName = (id: string) => rules.data?.find((r) => r.id === id)?.name ?? 'a deleted rule'
  const tone = latest.status === 'succeeded' ? 'good' : latest.status === 'dry_run' || isRunInFlight(latest.status) ? 'neutral' : 'bad'
  return (
    <section className={`card mitigation-panel mitigation-panel--${tone}`} aria-labelledby="mitigation-heading" data-testid="alert-mitigation">
      <div className="section__header">
        <h2 id="mitigation-heading">Mitigation</h2>
        <Link to={`/mitigation/rules/${latest.ruleId}`}>The rule and its other runs →</Link>
      </div>
      <p className="mitigation-panel__headline">
        {latest.status === 'succeeded' && <span className="badge badge--good">Auto-mitigated</span>} {headline(latest, ruleName(latest.ruleId))}
      </p>
      <ol className="mitigation-panel__runs">
        {items.map((r, i) => {
          const at = parseInstant(r.startedAt ?? r.createdAt)
          return (
            <li key={r.id} className="mitigation-panel__run">
              <div className="mitigation-panel__run-header">
                <RunStatusBadge status={r.status} />
                <code>{r.actionSummary}</code>
                {r.exitCode !== null && <span className="muted">exit {r.exitCode}</span>}
                <span className="muted">{formatTimeSeconds(at, zone)} {zoneAbbreviation(at, zone)}</span>
              </div>
              <RunOutput text={r.resultText} open={i === 0} />
            </li>
          )
        })}
      </ol>
    </section>
  )
}
