import { api } from '../../../lib/api-client'
import type { Alarm, ListResponse } from '../../../types/api'

/** Fetches alarms with their state: every one, a team's, or a service's. */
export async function getAlarms(filter: { readonly serviceId?: string | undefined; readonly teamId?: string | undefined }, signal?: AbortSignal): Promise<readonly Alarm[]> {
  const res = await api.get<ListResponse<Alarm>>('/alarms', { query: { serviceId: filter.serviceId, teamId: filter.teamId }, ...(signal ? { signal } : {}) })
  return res.items
}
