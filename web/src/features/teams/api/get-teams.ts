import { api } from '../../../lib/api-client'
import type { ListResponse, Team } from '../../../types/api'

/** Fetches every team. */
export async function getTeams(signal?: AbortSignal): Promise<readonly Team[]> {
  const res = await api.get<ListResponse<Team>>('/teams', signal ? { signal } : {})
  return res.items
}
