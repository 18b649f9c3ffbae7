import { api } from '../../../lib/api-client'
import type { ListResponse, ServiceEvent } from '../../../types/api'

/** Fetches a service's inbound events, newest first, with the rule that suppressed or held each; `outcome` filters. */
export async function getServiceEvents(serviceId: string, outcome: string | undefined, signal?: AbortSignal): Promise<readonly ServiceEvent[]> {
  const res = await api.get<ListResponse<ServiceEvent>>(`/services/${encodeURIComponent(serviceId)}/events`, { query: { outcome, limit: 100 }, ...(signal ? { signal } : {}) })
  return res.items
}
