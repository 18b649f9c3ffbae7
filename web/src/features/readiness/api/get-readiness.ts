import { api } from '../../../lib/api-client'
import type { ListResponse, Readiness } from '../../../types/api'

/** Checks whether everyone on the team's schedules and policies can be woken. */
export async function getReadiness(teamId: string, signal?: AbortSignal): Promise<readonly Readiness[]> {
  const res = await api.get<ListResponse<Readiness>>('/readiness', { query: { teamId }, ...(signal ? { signal } : {}) })
  return res.items
}
