import { api } from '../../../lib/api-client'
import type { MaintenanceWindow } from '../../../types/api'

/** A window as the API takes it: ad hoc (from now, for `durationMinutes`) or scheduled (RFC 3339 `start` to `end`). */
export type MaintenanceWindowInput =
  | { readonly reason: string; readonly durationMinutes: number }
  | { readonly reason: string; readonly start: string; readonly end: string }

/** Opens a maintenance window on a service (responders of its team). */
export function createMaintenanceWindow(serviceId: string, input: MaintenanceWindowInput): Promise<MaintenanceWindow> {
  return api.post<MaintenanceWindow>(`/services/${encodeURIComponent(serviceId)}/maintenance-windows`, input)
}
