import { Link } from '../../../components/link'
import { formatAge, formatDateTime, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { MitigationRun } from '../../../types/api'
import { RunOutput } from './run-output'
import { RunStatusBadge } from './run-status-badge'

interface RunListProps {
  readonly runs: readonly MitigationRun[]
  /** The viewer's zone. */
  readonly zone: string
  /** The server's now, for ages. */
  readonly now: Instant
  readonly emptyText: string
}

/** Runs newest first: status, when, the alert, the action, its exit code and its output (folded). */
export function RunList({ runs, zone, now, emptyText }: RunListProps) {
  if (runs.length === 0) return <p className="empty card">{emptyText}</p>
  return (
    <div className="table-wrap">
      <table className="table run-table" aria-label="Runs">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">When</th>
            <th scope="col">Alert</th>
            <th scope="col">Action</th>
            <th scope="col" className="table__num nowrap">Exit code</th>
            <th scope="col">Output</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const at = parseInstant(r.startedAt ?? r.createdAt)
            return (
              <tr key={r.id}>
                <td><RunStatusBadge status={r.status} /></td>
                <td className="nowrap">
                  {formatAge(at, now)}
                  <p className="muted table__sub">{formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}</p>
                </td>
                <td className="nowrap">
                  <Link to={`/alerts/${r.alertId}`} title="The alert and its timeline">
                    <code>{r.targetKey}</code>
                  </Link>
                </td>
                <td className="table__text"><code className="run-table__action">{r.actionSummary}</code></td>
                <td className="table__num">{r.exitCode ?? <span className="muted">—</span>}</td>
                <td className="run-table__output"><RunOutput text={r.resultText} /></td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
