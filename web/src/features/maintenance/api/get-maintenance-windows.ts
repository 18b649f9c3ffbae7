import { api } from '../../../lib/api-client'
import type { ListResponse, MaintenanceWindow } from '../../../types/api'

/** Fetches maintenance windows, newest start first: every one, or a service's. */
export async function getMaintenanceWindows(filter: { readonly serviceId?: string | undefined }, signal?: AbortSignal): Promise<readonly MaintenanceWindow[]> {
  const res = await api.get<ListResponse<MaintenanceWindow>>('/maintenance-windows', { query: { serviceId: filter.serviceId }, ...(signal ? { signal } : {}) })
  return res.items
}
