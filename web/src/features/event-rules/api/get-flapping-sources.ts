import { api } from '../../../lib/api-client'
import type { FlappingSource, ListResponse } from '../../../types/api'

/** Fetches the service's inbound dedup keys that flap now (from the last 6 hours of events). */
export async function getFlappingSources(serviceId: string, signal?: AbortSignal): Promise<readonly FlappingSource[]> {
  const res = await api.get<ListResponse<FlappingSource>>(`/services/${encodeURIComponent(serviceId)}/flapping`, signal ? { signal } : {})
  return res.items
}
