import { api } from '../../../lib/api-client'
import type { ListResponse, MitigationAgent } from '../../../types/api'

/** Fetches a team's agents with the commands their allow-lists declare. */
export async function getAgents(teamId: string, signal?: AbortSignal): Promise<readonly MitigationAgent[]> {
  const res = await api.get<ListResponse<MitigationAgent>>(`/teams/${encodeURIComponent(teamId)}/agents`, signal ? { signal } : {})
  return res.items
}
