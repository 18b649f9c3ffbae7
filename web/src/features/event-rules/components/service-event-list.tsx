import { Link } from '../../../components/link'
import { formatAge, formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { ServiceEvent } from '../../../types/api'
import { EventOutcomeBadge } from './event-outcome-badge'

interface ServiceEventListProps {
  readonly events: readonly ServiceEvent[]
  /** The service whose events these are: an alert elsewhere (routed by a rule) names its service. */
  readonly serviceId: string
  readonly zone: string
  readonly now: Instant
  readonly serviceName: (id: string) => string
  readonly emptyText: string
}

/** A service's inbound events, newest first, with the rule that suppressed or held each and how a hold ended. */
export function ServiceEventList({ events, serviceId, zone, now, serviceName, emptyText }: ServiceEventListProps) {
  if (events.length === 0) return <p className="empty card">{emptyText}</p>
  return (
    <div className="table-wrap">
      <table className="table aq-events" aria-label="Events">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Rule</th>
            <th scope="col">Alert</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const at = parseInstant(e.receivedAt)
            return (
              <tr key={e.id} className={`aq-event aq-event--${e.outcome}`}>
                <td className="nowrap">
                  {formatAge(at, now)}
                  <p className="muted table__sub">{formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}</p>
                </td>
                <td className="table__text">
                  <strong>{e.summary ?? <span className="muted">{e.action}</span>}</strong>
                  <p className="muted table__sub">
                    {e.action} · <code>{e.dedupKey}</code>
                    {e.sourceType !== null && <> · {e.sourceType}</>}
                  </p>
                </td>
                <td><EventOutcomeBadge outcome={e.outcome} /></td>
                <td className="table__text">
                  {e.rule !== null ? (
                    <>
                      <a href={`#rule-${e.rule.id}`} className="aq-events__rule">{e.rule.name ?? 'a deleted rule'}</a>
                      {e.reason !== null && <p className="muted table__sub">{e.reason.replace(/^rule [0-9a-f-]+: /, '')}</p>}
                    </>
                  ) : e.reason !== null ? (
                    <span className="muted">{e.reason}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  {e.hold !== null && (
                    <p className="table__sub">
                      {e.hold.status === 'held'
                        ? `Held: pages ${formatRelative(parseInstant(e.hold.releaseAt), now)} if still open`
                        : `Hold ${e.hold.status}${e.hold.outcomeNote !== null ? `: ${e.hold.outcomeNote}` : ''}`}
                    </p>
                  )}
                </td>
                <td>
                  {e.alertId !== null ? (
                    <Link to={`/alerts/${e.alertId}`}>
                      Alert{e.alertServiceId !== null && e.alertServiceId !== serviceId ? <span className="table__sub"> routed to {serviceName(e.alertServiceId)}</span> : null}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
