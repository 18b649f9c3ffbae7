import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { Deployment } from '../../../types/api'

const STATUS: Readonly<Record<string, string>> = { in_progress: 'In progress', succeeded: 'Succeeded', failed: 'Failed', rolled_back: 'Rolled back' }

/** The deployments recorded for a change, newest first. */
export function ChangeDeployments({ deployments, zone }: { readonly deployments: readonly Deployment[]; readonly zone: string }) {
  if (deployments.length === 0) return <p className="empty">No deployment recorded for this change yet (<code>tend deploy start &lt;version&gt; --change …</code>).</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Deployments</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Service</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => {
            const at = parseInstant(d.startedAt)
            return (
              <tr key={d.id}>
                <td className="nowrap">{formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}</td>
                <td>{d.serviceName}</td>
                <td>
                  {d.kind === 'rollback' ? 'rollback to ' : ''}
                  <code>{d.version}</code>
                </td>
                <td>{STATUS[d.status] ?? d.status}{d.overrideReason !== null && <span className="table__sub muted"> · deployed against the gate: {d.overrideReason}</span>}</td>
                <td>{d.actor}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
