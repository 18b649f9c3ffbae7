import { api } from '../../../lib/api-client'
import type { ListResponse, SleepInNotice } from '../../../types/api'

/** Fetches the sleep-in notices of a day (`YYYY-MM-DD` in the team's zone; default the server's today). */
export async function getSleepInNotices(teamId: string, day: string | undefined, signal?: AbortSignal): Promise<readonly SleepInNotice[]> {
  const res = await api.get<ListResponse<SleepInNotice>>(`/teams/${encodeURIComponent(teamId)}/sleep-in-notices`, { query: { day }, ...(signal ? { signal } : {}) })
  return res.items
}
