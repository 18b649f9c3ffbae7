import { api } from '../../../lib/api-client'
import type { NightBudget } from '../../../types/api'

/** Fetches the team's night-page budget in the current on-call week. */
export function getNightBudget(teamId: string, signal?: AbortSignal): Promise<NightBudget> {
  return api.get<NightBudget>(`/teams/${encodeURIComponent(teamId)}/night-budget`, signal ? { signal } : {})
}
