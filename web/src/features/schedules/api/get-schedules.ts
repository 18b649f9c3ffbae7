import { api } from '../../../lib/api-client'
import type { ListResponse, Schedule } from '../../../types/api'

/** Fetches every schedule the viewer can see. */
export async function getSchedules(signal?: AbortSignal): Promise<readonly Schedule[]> {
  const res = await api.get<ListResponse<Schedule>>('/schedules', signal ? { signal } : {})
  return res.items
}
