import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { ChangeApproval, Freeze } from '../../../types/api'

/** Who approved the change (and granted freeze exceptions), when, and what they said. */
export function ChangeApprovals({ approvals, freezes, zone }: { readonly approvals: readonly ChangeApproval[]; readonly freezes: readonly Freeze[]; readonly zone: string }) {
  if (approvals.length === 0) return <p className="empty">No approvals yet.</p>
  return (
    <ul className="change-approvals" aria-label="Approvals">
      {approvals.map((a) => {
        const at = parseInstant(a.at)
        const freeze = a.freezeId === null ? undefined : (freezes.find((f) => f.id === a.freezeId)?.name ?? 'a freeze')
        return (
          <li key={`${a.userId}-${a.scope}`}>
            <span className={freeze === undefined ? 'badge badge--good' : 'badge badge--warn'}>{freeze === undefined ? 'Approved' : 'Freeze exception'}</span>{' '}
            <strong>{a.userName}</strong>
            {freeze !== undefined && <> granted an exception to “{freeze}”</>} <span className="muted">· {formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}</span>
            {a.comment !== '' && <p className="change-approvals__comment">“{a.comment}”</p>}
          </li>
        )
      })}
    </ul>
  )
}
