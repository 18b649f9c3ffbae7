import { api } from '../../../lib/api-client'
import type { ListResponse, TeamChannel } from '../../../types/api'

/** Fetches a team's channels (addresses whole for team admins, masked for others). */
export async function getTeamChannels(teamId: string, signal?: AbortSignal): Promise<readonly TeamChannel[]> {
  const res = await api.get<ListResponse<TeamChannel>>(`/teams/${encodeURIComponent(teamId)}/channels`, signal ? { signal } : {})
  return res.items
}
