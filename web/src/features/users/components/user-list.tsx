import { DemoBadge } from '../../../components/demo-badge'
import { formatTime, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { User } from '../../../types/api'

/** Every person with their email, zone and current local time. */
export function UserList({ users, now }: { readonly users: readonly User[]; readonly now: Instant }) {
  if (users.length === 0) return <p className="empty">No people yet.</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Time zone</th><th scope="col">Local time</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <strong>{u.name}</strong> {u.isAdmin && <span className="badge">admin</span>} <DemoBadge show={u.isDemo} />
              </td>
              <td>{u.email}</td>
              <td>{u.timeZone}</td>
              <td>{formatTime(now, u.timeZone)} <span className="muted">{zoneAbbreviation(now, u.timeZone)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
