import { DemoBadge } from '../../../components/demo-badge'
import { Link } from '../../../components/link'
import type { EscalationPolicy, Service, Team } from '../../../types/api'
import { ServicePolicySelect } from './service-policy-select'

interface ServiceListProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** Every policy; each service offers those of its own team. */
  readonly policies: readonly EscalationPolicy[]
  readonly onChanged: () => void
}

/** Every service with its owning team, the services it depends on, and the escalation policy that pages for it. */
export function ServiceList({ services, teams, policies, onChanged }: ServiceListProps) {
  if (services.length === 0) return <p className="empty">No services yet.</p>
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? 'unknown service'
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">Service</th><th scope="col">Owner team</th><th scope="col">Depends on</th><th scope="col">Escalation policy</th></tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <td>
                <strong>{s.name}</strong> <DemoBadge show={s.isDemo} />
                {s.description !== '' && <p className="muted table__sub">{s.description}</p>}
                <p className="table__sub"><Link to={`/alarms?service=${s.id}`}>Alarms</Link> · <Link to={`/alarms/heartbeats?service=${s.id}`}>Heartbeats</Link> · <Link to={`/alarms/event-rules?service=${s.id}`}>Event rules</Link></p>
              </td>
              <td>{teams.find((t) => t.id === s.teamId)?.name ?? '—'}</td>
              <td>{s.dependsOn.length === 0 ? <span className="muted">nothing</span> : s.dependsOn.map(serviceName).join(', ')}</td>
              <td><ServicePolicySelect service={s} policies={policies.filter((p) => p.teamId === s.teamId)} onChanged={onChanged} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
