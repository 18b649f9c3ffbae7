import { api } from '../../../lib/api-client'
import type { Heartbeat, ListResponse } from '../../../types/api'

/** Fetches heartbeats with their status: every one, a team's, or a service's. */
export async function getHeartbeats(filter: { readonly serviceId?: string | undefined; readonly teamId?: string | undefined }, signal?: AbortSignal): Promise<readonly Heartbeat[]> {
  const res = await api.get<ListResponse<Heartbeat>>('/heartbeats', { query: { serviceId: filter.serviceId, teamId: filter.teamId }, ...(signal ? { signal } : {}) })
  return res.items
}
