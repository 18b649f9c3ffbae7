import type { BlastRadiusEntry } from '../../../types/api'
import { distanceLabel } from '../utils/change-labels'

/** Every service a change can break, nearest first: how far, the owning team, and who is on call for it now. */
export function BlastRadiusTable({ entries, caption = 'Blast radius' }: { readonly entries: readonly BlastRadiusEntry[]; readonly caption?: string }) {
  if (entries.length === 0) return <p className="empty">Pick the services this change touches to see what depends on them.</p>
  return (
    <div className="table-wrap">
      <table className="table blast-radius">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">How close</th>
            <th scope="col">Team</th>
            <th scope="col">On call now</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.serviceId} className={e.distance === 0 ? 'blast-radius__row--touched' : undefined}>
              <th scope="row">{e.serviceName}</th>
              <td>{distanceLabel(e.distance)}</td>
              <td>{e.teamName}</td>
              <td>{e.onCall.length === 0 ? <span className="text-danger">Nobody</span> : e.onCall.map((o) => o.userName).filter((n, i, all) => all.indexOf(n) === i).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
