import { Link } from '../../../components/link'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { ChangeSummary } from '../../../types/api'
import { CHANGE_TYPES } from '../utils/change-labels'
import { ChangeStateChip } from './change-state-chip'

/** Change requests as a table: key and title, state, type, services, planned time (in `zone`), author and risk. */
export function ChangeList({ changes, zone, emptyText }: { readonly changes: readonly ChangeSummary[]; readonly zone: string; readonly emptyText: string }) {
  if (changes.length === 0) return <p className="empty">{emptyText}</p>
  return (
    <div className="table-wrap">
      <table className="table change-table">
        <caption className="visually-hidden">Change requests</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">State</th>
            <th scope="col">Type</th>
            <th scope="col">Services</th>
            <th scope="col">Planned</th>
            <th scope="col">Author</th>
            <th scope="col">Risk</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => {
            const planned = c.plannedAt === null ? null : parseInstant(c.plannedAt)
            return (
              <tr key={c.id}>
                <td>
                  <Link to={`/changes/${c.key}`} className="change-table__title">
                    <span className="change-key">{c.key}</span> {c.title}
                  </Link>
                </td>
                <td><ChangeStateChip state={c.state} /></td>
                <td>{CHANGE_TYPES.find((t) => t.value === c.type)?.label ?? c.type}</td>
                <td className="table__sub">{c.services.map((s) => s.name).join(', ')}</td>
                <td className="nowrap table__sub">{planned === null ? <span className="muted">—</span> : `${formatDateTime(planned, zone)} ${zoneAbbreviation(planned, zone)}`}</td>
                <td className="table__sub">{c.authorName}</td>
                <td>
                  {c.risk !== null && <span className={`badge risk risk--${c.risk}`}>{c.risk}</span>}
                  {c.riskHint !== null && c.riskHint.level !== c.risk && <span className="table__sub muted"> Tend: {c.riskHint.level}</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
