import { api } from '../../../lib/api-client'
import type { Freeze, ListResponse } from '../../../types/api'

/** Fetches freezes not yet over (or overlapping from–to), earliest first. */
export async function getFreezes(filter: { readonly from?: string; readonly to?: string; readonly teamId?: string; readonly serviceId?: string }, signal?: AbortSignal): Promise<readonly Freeze[]> {
  const res = await api.get<ListResponse<Freeze>>('/freezes', { query: { ...filter }, ...(signal ? { signal } : {}) })
  return res.items
}
