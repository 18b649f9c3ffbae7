import { api } from '../../../lib/api-client'
import type { AlertRecord, ListResponse } from '../../../types/api'
import type { AlertFilters } from '../utils/alert-filters'

/** Fetches alerts matching `filters`, newest first. */
export async function getAlerts(filters: AlertFilters, signal?: AbortSignal): Promise<readonly AlertRecord[]> {
  const res = await api.get<ListResponse<AlertRecord>>('/alerts', {
    query: { status: filters.status === 'all' ? undefined : filters.status, urgency: filters.urgency, teamId: filters.teamId, serviceId: filters.serviceId },
    ...(signal ? { signal } : {}),
  })
  return res.items
}
