import { api } from '../../../lib/api-client'
import type { OnCall } from '../../../types/api'

/** Fetches who is on call on one schedule now (the server's clock) or at `at`; `at` in the answer is that instant. */
export function getScheduleOnCall(id: string, at: string | undefined, signal?: AbortSignal): Promise<OnCall> {
  return api.get<OnCall>(`/schedules/${encodeURIComponent(id)}/oncall`, { query: { at }, ...(signal ? { signal } : {}) })
}
