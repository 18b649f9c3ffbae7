import { Link } from '../../../components/link'
import { formatAge, parseInstant, type Instant } from '../../../lib/time'
import type { Alarm, Service } from '../../../types/api'
import { describeAlarm } from '../utils/describe-alarm'
import { AlarmStateChip } from './alarm-state-chip'
import { FlappingBadge } from './flapping-badge'

interface AlarmListProps {
  readonly alarms: readonly Alarm[]
  readonly services: readonly Service[]
  /** The server's now, for "since". */
  readonly now: Instant
  readonly emptyText: string
}

const ORDER = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 } as const

/** Alarms, those in ALARM first: state, flapping, what they watch, since when, and the open alert. */
export function AlarmList({ alarms, services, now, emptyText }: AlarmListProps) {
  if (alarms.length === 0) return <p className="empty card">{emptyText}</p>
  const sorted = [...alarms].sort((a, b) => (ORDER[a.state] ?? 3) - (ORDER[b.state] ?? 3) || Number(b.flapping) - Number(a.flapping) || a.name.localeCompare(b.name))
  return (
    <div className="table-wrap">
      <table className="table alarm-table" aria-label="Alarms">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Alarm</th>
            <th scope="col">Watches</th>
            <th scope="col">Since</th>
            <th scope="col">Alert</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={a.id} className={`alarm-row alarm-row--${a.state.toLowerCase()}`}>
              <td><AlarmStateChip state={a.state} /></td>
              <td>
                <Link to={`/alarms/${a.id}`} className="alarm-table__name">{a.name}</Link>
                {a.flapping && <> <FlappingBadge percent={a.percentStateChange} long /></>}
                <p className="muted table__sub">
                  {services.find((s) => s.id === a.serviceId)?.name ?? 'Unknown service'} · {a.kind === 'slo' ? 'SLO burn rate' : 'threshold'}
                </p>
              </td>
              <td className="table__text">
                <code className="alarm-table__condition">{describeAlarm(a.definition)}</code>
                {a.kind === 'slo' && a.budgetRemaining !== null && (
                  <p className={a.budgetRemaining <= 0 ? 'table__sub text-danger' : 'muted table__sub'}>{Math.round(a.budgetRemaining * 100)}% of the error budget left</p>
                )}
              </td>
              <td className="nowrap">{formatAge(parseInstant(a.stateChangedAt), now)}</td>
              <td>
                {a.alert !== null ? (
                  <Link to={`/alerts/${a.alert.id}`}>{a.alert.status === 'acknowledged' ? 'Acknowledged' : 'Open'}<span className="visually-hidden"> alert of {a.name}</span></Link>
                ) : a.ticket !== null ? (
                  <Link to={`/alerts/${a.ticket.id}`}>Ticket (low urgency)<span className="visually-hidden"> of {a.name}</span></Link>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
