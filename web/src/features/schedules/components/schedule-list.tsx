import { DemoBadge } from '../../../components/demo-badge'
import { Link } from '../../../components/link'
import type { Schedule, Team } from '../../../types/api'

/** Every schedule with its team, zone and layers, linking to its page. */
export function ScheduleList({ schedules, teams }: { readonly schedules: readonly Schedule[]; readonly teams: readonly Team[] }) {
  if (schedules.length === 0) return <p className="empty">No schedules yet. Create one with <code>POST /api/v1/schedules</code>.</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">Schedule</th><th scope="col">Team</th><th scope="col">Time zone</th><th scope="col">Layers</th></tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/schedules/${s.id}`}>{s.name}</Link> <DemoBadge show={s.isDemo} />
                {s.description !== '' && <p className="muted table__sub">{s.description}</p>}
              </td>
              <td>{teams.find((t) => t.id === s.teamId)?.name ?? '—'}</td>
              <td>{s.timeZone}</td>
              <td>{s.layers.map((l) => l.name).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
