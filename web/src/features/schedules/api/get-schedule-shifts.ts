import { api } from '../../../lib/api-client'
import type { ScheduleShifts } from '../../../types/api'

/** Fetches the final schedule, each layer's shifts and the overrides over `[from, to)`. */
export function getScheduleShifts(id: string, range: { readonly from: string; readonly to: string }, signal?: AbortSignal): Promise<ScheduleShifts> {
  return api.get<ScheduleShifts>(`/schedules/${encodeURIComponent(id)}/shifts`, {
    query: { from: range.from, to: range.to, layers: true },
    ...(signal ? { signal } : {}),
  })
}
