import { api } from '../../../lib/api-client'
import type { TeamHealthReport } from '../../../types/api'

/** Fetches a team's on-call health over [from, to) (default: the 28 days up to the server's now). */
export function getTeamHealth(teamId: string, range: { readonly from?: string; readonly to?: string }, signal?: AbortSignal): Promise<TeamHealthReport> {
  return api.get<TeamHealthReport>(`/teams/${encodeURIComponent(teamId)}/oncall-health`, { query: { ...range }, ...(signal ? { signal } : {}) })
}
