import { api } from '../../../lib/api-client'
import type { TeamHealthSettings } from '../../../types/api'

/** Fetches a team's on-call health settings (the defaults until a team admin saves some). */
export function getHealthSettings(teamId: string, signal?: AbortSignal): Promise<TeamHealthSettings> {
  return api.get<TeamHealthSettings>(`/teams/${encodeURIComponent(teamId)}/oncall-health-settings`, signal ? { signal } : {})
}
