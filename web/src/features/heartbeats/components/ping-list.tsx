import { formatAge, formatDateTime, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { HeartbeatPing } from '../../../types/api'

const KINDS: Readonly<Record<HeartbeatPing['kind'], { readonly label: string; readonly className: string }>> = {
  success: { label: 'Success', className: 'badge--good' },
  start: { label: 'Start', className: 'badge--status-acknowledged' },
  fail: { label: 'Fail', className: 'badge--bad' },
}

/** The heartbeat's last pings, newest first, with the body a failing job sent. */
export function PingList({ pings, zone, now }: { readonly pings: readonly HeartbeatPing[]; readonly zone: string; readonly now: Instant }) {
  if (pings.length === 0) return <p className="empty card">No pings yet. Add the ping line to the job; its first ping shows here.</p>
  return (
    <div className="table-wrap">
      <table className="table ping-table" aria-label="Pings">
        <thead>
          <tr><th scope="col">Ping</th><th scope="col">When</th><th scope="col">From</th><th scope="col">What the job sent</th></tr>
        </thead>
        <tbody>
          {pings.map((p, i) => {
            const at = parseInstant(p.at)
            const kind = KINDS[p.kind] ?? { label: p.kind, className: '' }
            return (
              <tr key={`${p.at}-${i}`}>
                <td><span className={`badge ${kind.className}`}>{kind.label}</span></td>
                <td className="nowrap">
                  {formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}
                  <p className="muted table__sub">{formatAge(at, now)}</p>
                </td>
                <td className="muted">{p.remote ?? '—'}</td>
                <td className="table__text">{p.body === null ? <span className="muted">—</span> : <pre className="code-block ping-table__body">{p.body}</pre>}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
