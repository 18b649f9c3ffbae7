import type { OnCall, Schedule, Team } from '../../../types/api'
import { OnCallCard } from './oncall-card'

interface OnCallListProps {
  readonly items: readonly OnCall[]
  readonly schedules: readonly Schedule[]
  readonly teams: readonly Team[]
}

/** On-call cards grouped by team, teams by name; schedules whose team is unknown come last. */
export function OnCallList({ items, schedules, teams }: OnCallListProps) {
  if (items.length === 0) {
    return <p className="empty">No schedules yet. Create one with <code>POST /api/v1/schedules</code>, or start with <code>tend serve --demo</code>.</p>
  }
  const byTeam = new Map<string, OnCall[]>()
  for (const item of items) byTeam.set(item.teamId, [...(byTeam.get(item.teamId) ?? []), item])
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? 'Other team'
  const teamIds = [...byTeam.keys()].sort((a, b) => teamName(a).localeCompare(teamName(b)))

  return (
    <>
      {teamIds.map((teamId) => (
        <section key={teamId} className="team-group" aria-labelledby={`team-${teamId}`}>
          <h2 id={`team-${teamId}`}>{teamName(teamId)}</h2>
          <div className="card-grid">
            {(byTeam.get(teamId) ?? []).map((item) => (
              <OnCallCard key={item.scheduleId} item={item} schedule={schedules.find((s) => s.id === item.scheduleId)} />
            ))}
          </div>
        </section>
      ))}
    </>
  )
}
