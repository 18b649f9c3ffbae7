import { Link } from '../../../components/link'
import { formatAge, formatDateTime, formatDuration, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Heartbeat, Service } from '../../../types/api'
import { describeSchedule, failModeText, missesText, silenceBeforePage } from '../utils/describe-heartbeat'
import { HeartbeatStatusChip } from './heartbeat-status-chip'

interface HeartbeatListProps {
  readonly heartbeats: readonly Heartbeat[]
  readonly services: readonly Service[]
  /** The viewer's zone. */
  readonly zone: string
  /** The server's now, for ages. */
  readonly now: Instant
  readonly emptyText: string
}

const ORDER = { down: 0, failing: 0, late: 1, new: 2, up: 3 } as const

/** Heartbeats, alarming ones first: status, schedule, when they page, and the last ping. */
export function HeartbeatList({ heartbeats, services, zone, now, emptyText }: HeartbeatListProps) {
  if (heartbeats.length === 0) return <p className="empty card">{emptyText}</p>
  const sorted = [...heartbeats].sort((a, b) => (ORDER[a.status] ?? 4) - (ORDER[b.status] ?? 4) || a.name.localeCompare(b.name))
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <div className="table-wrap">
      <table className="table hb-table" aria-label="Heartbeats">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Heartbeat</th>
            <th scope="col">Expected</th>
            <th scope="col">Pages when</th>
            <th scope="col">Last ping</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((h) => {
            const silence = silenceBeforePage(h.spec)
            return (
              <tr key={h.id} className={`hb-row hb-row--${h.status}`}>
                <td><HeartbeatStatusChip status={h.status} /></td>
                <td>
                  <Link to={`/alarms/heartbeats/${h.id}`} className="hb-table__name">{h.name}</Link>
                  <p className="muted table__sub">
                    {services.find((s) => s.id === h.serviceId)?.name ?? 'Unknown service'}
                    {h.alertOpen && <> · <span className="badge badge--bad">alert open</span></>}
                  </p>
                </td>
                <td>
                  {describeSchedule(h.spec.schedule)}
                  <p className="muted table__sub">+ {formatDuration(h.spec.graceSeconds * 1000)} grace</p>
                </td>
                <td>
                  <strong>{missesText(h.spec.missesToAlarm)}</strong>
                  <p className="muted table__sub">
                    {silence !== null && <>after {formatDuration(silence)} of silence · </>}
                    {failModeText(h.spec)}
                  </p>
                </td>
                <td>
                  {h.lastPingAt === null ? (
                    <span className="muted">never</span>
                  ) : (
                    <>
                      {formatAge(parseInstant(h.lastPingAt), now)}
                      <p className="muted table__sub">{when(h.lastPingAt)}</p>
                    </>
                  )}
                  {h.lastFailAt !== null && (h.lastPingAt === null || h.lastFailAt > h.lastPingAt) && (
                    <p className="table__sub text-danger">failed {formatAge(parseInstant(h.lastFailAt), now)}</p>
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
