import { api } from '../../../lib/api-client'
import type { ListResponse, TeamMember } from '../../../types/api'

/** Fetches a team's members and their roles. */
export async function getTeamMembers(teamId: string, signal?: AbortSignal): Promise<readonly TeamMember[]> {
  const res = await api.get<ListResponse<TeamMember>>(`/teams/${encodeURIComponent(teamId)}/members`, signal ? { signal } : {})
  return res.items
}
