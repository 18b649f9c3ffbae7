import { api } from '../../../lib/api-client'
import type { FollowUp, ListResponse } from '../../../types/api'

/** Fetches follow-ups by due time: open (the default), closed, or all; of every team or one. */
export async function getFollowUps(filter: { readonly status: 'open' | 'closed' | 'all'; readonly teamId?: string }, signal?: AbortSignal): Promise<readonly FollowUp[]> {
  const res = await api.get<ListResponse<FollowUp>>('/follow-ups', { query: { ...filter }, ...(signal ? { signal } : {}) })
  return res.items
}
