import { api } from '../../../lib/api-client'
import type { ListResponse, OnCall } from '../../../types/api'

/** Fetches who is on call on every schedule, now (the server's clock) or at `at`. */
export async function getOnCall(opts: { readonly at?: string | undefined; readonly teamId?: string; readonly signal?: AbortSignal } = {}): Promise<readonly OnCall[]> {
  const res = await api.get<ListResponse<OnCall>>('/oncall', { query: { at: opts.at, teamId: opts.teamId }, ...(opts.signal ? { signal: opts.signal } : {}) })
  return res.items
}
