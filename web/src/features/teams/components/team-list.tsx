import { DemoBadge } from '../../../components/demo-badge'
import type { Team } from '../../../types/api'

/** Every team with its zone and description. */
export function TeamList({ teams }: { readonly teams: readonly Team[] }) {
  if (teams.length === 0) return <p className="empty">No teams yet.</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">Team</th><th scope="col">Time zone</th><th scope="col">Description</th></tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <td><strong>{t.name}</strong> <DemoBadge show={t.isDemo} /></td>
              <td>{t.timeZone}</td>
              <td className="muted">{t.description || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
