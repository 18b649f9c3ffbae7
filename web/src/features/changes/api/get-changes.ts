import { api } from '../../../lib/api-client'
import type { ChangeSummary, ListResponse } from '../../../types/api'

/** Which change requests to list: comma-separated states (or `open`), a team, a service, an author. */
export interface ChangeFilter {
  readonly state?: string
  readonly teamId?: string
  readonly serviceId?: string
  readonly authorId?: string
}

/** Fetches change requests, newest first. */
export async function getChanges(filter: ChangeFilter, signal?: AbortSignal): Promise<readonly ChangeSummary[]> {
  const res = await api.get<ListResponse<ChangeSummary>>('/changes', { query: { ...filter, limit: 500 }, ...(signal ? { signal } : {}) })
  return res.items
}
