import { api } from '../../../lib/api-client'
import type { TeamDeployPolicy } from '../../../types/api'

/** Returns a team to the default deploy policy (team admins). */
export function resetDeployPolicy(teamId: string): Promise<TeamDeployPolicy> {
  return api.delete<TeamDeployPolicy>(`/teams/${encodeURIComponent(teamId)}/deploy-policy`)
}
