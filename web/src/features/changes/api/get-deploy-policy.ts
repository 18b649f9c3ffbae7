import { api } from '../../../lib/api-client'
import type { TeamDeployPolicy } from '../../../types/api'

/** Fetches a team's deploy policy (the default when none is stored) and the policy governing each of its services. */
export function getDeployPolicy(teamId: string, signal?: AbortSignal): Promise<TeamDeployPolicy> {
  return api.get<TeamDeployPolicy>(`/teams/${encodeURIComponent(teamId)}/deploy-policy`, signal ? { signal } : {})
}
