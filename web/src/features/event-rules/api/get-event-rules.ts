import { api } from '../../../lib/api-client'
import type { EventRule, ListResponse } from '../../../types/api'

/** Fetches a service's event rules in evaluation order (the first matching rule decides). */
export async function getEventRules(serviceId: string, signal?: AbortSignal): Promise<readonly EventRule[]> {
  const res = await api.get<ListResponse<EventRule>>(`/services/${encodeURIComponent(serviceId)}/event-rules`, signal ? { signal } : {})
  return res.items
}
