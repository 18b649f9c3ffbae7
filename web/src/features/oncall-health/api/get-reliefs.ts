import { api } from '../../../lib/api-client'
import type { ListResponse, Relief } from '../../../types/api'

/** Fetches a team's reliefs, newest first. */
export async function getReliefs(teamId: string, signal?: AbortSignal): Promise<readonly Relief[]> {
  const res = await api.get<ListResponse<Relief>>('/reliefs', { query: { teamId }, ...(signal ? { signal } : {}) })
  return res.items
}
