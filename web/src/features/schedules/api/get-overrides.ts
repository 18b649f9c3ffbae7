import { api } from '../../../lib/api-client'
import type { ListResponse, Override } from '../../../types/api'

/** Fetches the overrides of a schedule that overlap `[from, to)`. */
export async function getOverrides(id: string, range: { readonly from: string; readonly to: string }, signal?: AbortSignal): Promise<readonly Override[]> {
  const res = await api.get<ListResponse<Override>>(`/schedules/${encodeURIComponent(id)}/overrides`, { query: range, ...(signal ? { signal } : {}) })
  return res.items
}
