import { api } from '../../../lib/api-client'
import type { ChangeMetrics } from '../../../types/api'

/** Fetches a team's deploy-to-alert delays against its support tail and its DORA figures (default: the last 90 days). */
export function getChangeMetrics(teamId: string, signal?: AbortSignal): Promise<ChangeMetrics> {
  return api.get<ChangeMetrics>(`/teams/${encodeURIComponent(teamId)}/change-metrics`, signal ? { signal } : {})
}
