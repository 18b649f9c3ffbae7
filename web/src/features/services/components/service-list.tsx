import { DemoBadge } from '../../../components/demo-badge'
import type { Service, Team } from '../../../types/api'

/** Every service with its owning team and the services it depends on, by name. */
export function ServiceList({ services, teams }: { readonly services: readonly Service[]; readonly teams: readonly Team[] }) {
  if (services.length === 0) return <p className="empty">No services yet.</p>
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? 'unknown service'
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">Service</th><th scope="col">Owner team</th><th scope="col">Depends on</th></tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <td>
                <strong>{s.name}</strong> <DemoBadge show={s.isDemo} />
                {s.description !== '' && <p className="muted table__sub">{s.description}</p>}
              </td>
              <td>{teams.find((t) => t.id === s.teamId)?.name ?? '—'}</td>
              <td>{s.dependsOn.length === 0 ? <span className="muted">nothing</span> : s.dependsOn.map(serviceName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
