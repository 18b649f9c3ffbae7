import { formatAge, formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { AlertRecord } from '../../../types/api'

interface AlertFactsProps {
  readonly alert: AlertRecord
  readonly teamName: string | undefined
  /** A person's name from their id (acknowledged and resolved carry ids). */
  readonly nameOf: (userId: string) => string
  /** The viewer's zone. */
  readonly zone: string
  readonly now: Instant
}

const OUTCOME_LABELS: Readonly<Record<string, string>> = { actionable: 'Actionable', noise: 'Noise', duplicate: 'Duplicate' }

/** Renders a custom-details value: text as is, anything else as compact JSON. */
function detailText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  return JSON.stringify(value)
}

/** Where an alert comes from, who acted on it and when, its custom details and links. */
export function AlertFacts({ alert, teamName, nameOf, zone, now }: AlertFactsProps) {
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  const details = Object.entries(alert.details)
  const optional = [
    ['Component', alert.component],
    ['Group', alert.group],
    ['Class', alert.class],
  ].filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
  return (
    <section className="card alert-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">About this alert</h2>
      <dl className="facts">
        <dt>Service</dt>
        <dd>{alert.serviceName}{teamName !== undefined && <span className="muted"> · {teamName}</span>}</dd>
        <dt>Source</dt>
        <dd>{alert.source === '' ? '—' : alert.source}</dd>
        <dt>Severity</dt>
        <dd>{alert.severity}</dd>
        {optional.map(([label, value]) => (
          <FactRow key={label} label={label} value={value} />
        ))}
        <dt>Opened</dt>
        <dd>{when(alert.createdAt)} <span className="muted">({formatAge(parseInstant(alert.createdAt), now)})</span></dd>
        <dt>Events</dt>
        <dd>{alert.eventCount}{alert.eventCount > 1 && <span className="muted"> · last {when(alert.lastEventAt)}</span>}</dd>
        {alert.acknowledgedAt !== null && (
          <>
            <dt>Acknowledged</dt>
            <dd>{alert.acknowledgedBy === null ? '' : `${nameOf(alert.acknowledgedBy)}, `}{when(alert.acknowledgedAt)}</dd>
          </>
        )}
        {alert.resolvedAt !== null && (
          <>
            <dt>Resolved</dt>
            <dd>{alert.resolvedBy === null ? '' : `${nameOf(alert.resolvedBy)}, `}{when(alert.resolvedAt)}</dd>
          </>
        )}
        {alert.status === 'resolved' && (
          <>
            <dt>Outcome</dt>
            <dd data-testid="alert-outcome">
              {alert.outcome === null ? <span className="muted">not recorded yet</span> : <strong>{OUTCOME_LABELS[alert.outcome] ?? alert.outcome}</strong>}
              {alert.outcomeNote !== null && alert.outcomeNote !== '' && <> — “{alert.outcomeNote}”</>}
            </dd>
          </>
        )}
        {alert.status !== 'resolved' && alert.nextEscalationAt !== null && (
          <>
            <dt>Next escalation</dt>
            <dd>{when(alert.nextEscalationAt)} <span className="muted">({formatRelative(parseInstant(alert.nextEscalationAt), now)})</span></dd>
          </>
        )}
        <dt>Dedup key</dt>
        <dd><code>{alert.dedupKey}</code></dd>
      </dl>
      {details.length > 0 && (
        <>
          <h3 className="alert-facts__subheading">Details</h3>
          <dl className="facts facts--details">
            {details.map(([key, value]) => (
              <FactRow key={key} label={key} value={detailText(value)} />
            ))}
          </dl>
        </>
      )}
      {alert.links.length > 0 && (
        <>
          <h3 className="alert-facts__subheading">Links</h3>
          <ul className="link-list">
            {alert.links.map((l) => (
              <li key={l.href}>
                <a href={l.href} target="_blank" rel="noopener noreferrer">{l.text ?? l.href}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function FactRow({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
}
