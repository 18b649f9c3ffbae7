import { api } from '../../../lib/api-client'
import type { MaintenanceWindowDetail } from '../../../types/api'

/** Fetches one maintenance window and every alert it held, with how each ended. */
export function getMaintenanceWindow(id: string, signal?: AbortSignal): Promise<MaintenanceWindowDetail> {
  return api.get<MaintenanceWindowDetail>(`/maintenance-windows/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
