import { api } from '../../../lib/api-client'
import type { ListResponse, Team, TeamMember } from '../../../types/api'

/** Fetches the signed-in person's role on each team they belong to (team id → admin, responder or observer). */
export async function getMyTeamRoles(userId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const opts = signal ? { signal } : {}
  const teams = (await api.get<ListResponse<Team>>('/teams', opts)).items
  const roles = await Promise.all(
    teams.map(async (t) => {
      const members = (await api.get<ListResponse<TeamMember>>(`/teams/${encodeURIComponent(t.id)}/members`, opts)).items
      return [t.id, members.find((m) => m.userId === userId)?.role] as const
    }),
  )
  return new Map(roles.filter((r): r is readonly [string, string] => r[1] !== undefined))
}
