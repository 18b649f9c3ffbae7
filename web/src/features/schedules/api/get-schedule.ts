import { api } from '../../../lib/api-client'
import type { Schedule } from '../../../types/api'

/** Fetches one schedule with its layers. */
export function getSchedule(id: string, signal?: AbortSignal): Promise<Schedule> {
  return api.get<Schedule>(`/schedules/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
