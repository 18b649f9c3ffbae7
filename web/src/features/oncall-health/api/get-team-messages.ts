import { api } from '../../../lib/api-client'
import type { ListResponse, TeamMessage } from '../../../types/api'

/** Fetches the latest messages to a team's channels, newest first, with their delivery status. */
export async function getTeamMessages(teamId: string, limit: number, signal?: AbortSignal): Promise<readonly TeamMessage[]> {
  const res = await api.get<ListResponse<TeamMessage>>(`/teams/${encodeURIComponent(teamId)}/team-messages`, { query: { limit }, ...(signal ? { signal } : {}) })
  return res.items
}
