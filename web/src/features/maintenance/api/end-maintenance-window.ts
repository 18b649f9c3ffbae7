import { api } from '../../../lib/api-client'
import type { MaintenanceWindow } from '../../../types/api'

/** Ends an active window now (its held alerts that are still open page at once), or cancels a scheduled one. */
export function endMaintenanceWindow(id: string): Promise<MaintenanceWindow> {
  return api.post<MaintenanceWindow>(`/maintenance-windows/${encodeURIComponent(id)}/end`, {})
}
