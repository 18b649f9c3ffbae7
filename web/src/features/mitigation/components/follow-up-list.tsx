import type { Instant } from '../../../lib/time'
import type { FollowUp, Service, Team } from '../../../types/api'
import { FollowUpItem } from './follow-up-item'

interface FollowUpListProps {
  readonly followUps: readonly FollowUp[]
  readonly teams: readonly Team[]
  readonly services: readonly Service[]
  readonly zone: string
  readonly now: Instant
  readonly nameOf: (userIdOrLabel: string) => string
  readonly emptyText: string
  readonly onClosed: (closed: FollowUp) => void
}

/** Follow-ups in the order the API gives (by due time). */
export function FollowUpList({ followUps, teams, services, emptyText, ...rest }: FollowUpListProps) {
  if (followUps.length === 0) return <p className="empty card">{emptyText}</p>
  return (
    <div className="follow-up-list">
      {followUps.map((f) => (
        <FollowUpItem
          key={f.id}
          followUp={f}
          team={teams.find((t) => t.id === f.teamId)}
          serviceName={services.find((s) => s.id === f.serviceId)?.name}
          {...rest}
        />
      ))}
    </div>
  )
}
