import { formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { DeployCheckResult as Result } from '../../../types/api'
import { BlastRadiusTable } from './blast-radius-table'

/** The gate's answer: allowed or denied, every reason (with until when), the next allowed time, who is on call, the blast radius. */
export function DeployCheckResult({ result, zone, now }: { readonly result: Result; readonly zone: string; readonly now: Instant }) {
  const at = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <section className={`card deploy-verdict deploy-verdict--${result.allowed ? 'allowed' : 'denied'}`} aria-labelledby="verdict-heading" data-testid="deploy-verdict">
      <h2 id="verdict-heading">
        {result.allowed ? '✓ Allowed' : '✗ Denied'}: {result.kind === 'rollback' ? 'rolling back' : 'deploying'} {result.service.name}
        {result.change !== null && <> ({result.change.key})</>} at {at(result.at)}
      </h2>
      {result.reasons.length > 0 && (
        <ul className="deploy-verdict__reasons">
          {result.reasons.map((r, i) => (
            <li key={i} className={`deploy-reason deploy-reason--${r.effect}`}>
              <code>{r.code}</code> <span className="badge">{r.effect}</span> {r.message}
              {r.until !== undefined && <span className="muted"> · until {at(r.until)}</span>}
            </li>
          ))}
        </ul>
      )}
      {!result.allowed && (
        <p data-testid="next-allowed">
          {result.nextAllowedAt === null ? 'No time in the next weeks is allowed by the time rules.' : <>Next allowed: <strong>{at(result.nextAllowedAt)}</strong> ({formatRelative(parseInstant(result.nextAllowedAt), now)}); on-call and alerts are checked again then.</>}
        </p>
      )}
      <p className="muted">Policy: {result.policySource} · support tail {result.policy.supportTailMinutes} min · check {result.checkId} recorded.</p>
      {result.facts.onCall.length > 0 && (
        <p className="muted">
          On call during the tail: {result.facts.onCall.map((o) => `${o.userName ?? 'nobody'}${o.reachable ? '' : ' (unreachable)'}${o.asleepDuring ? ' (asleep)' : ''}`).join(', ')}
        </p>
      )}
      <h3>Blast radius</h3>
      <BlastRadiusTable entries={result.blastRadius} />
    </section>
  )
}
