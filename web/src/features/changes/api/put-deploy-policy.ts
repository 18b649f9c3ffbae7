import { ApiError, type Problem } from '../../../lib/api-error'
import { readToken } from '../../../lib/token-storage'
import type { DeployChecks, TeamDeployPolicy, WeeklyHours } from '../../../types/api'

/** A team's whole deploy policy as PUT takes it (absent fields take the defaults). */
export interface DeployPolicyInput {
  readonly timeZone: string
  readonly windows: readonly WeeklyHours[]
  readonly supportTailMinutes: number
  readonly staffedHours: WeeklyHours
  readonly holidays: readonly string[]
  readonly checks: DeployChecks
}

/**
 * Replaces a team's deploy policy (team admins). `lib/api-client` has no PUT yet, so this sends
 * it with the same token, headers and problem-details handling; switch to `api.put` once it has one.
 */
export async function putDeployPolicy(teamId: string, input: DeployPolicyInput): Promise<TeamDeployPolicy> {
  const token = readToken()
  let res: Response
  try {
    res = await fetch(`/api/v1/teams/${encodeURIComponent(teamId)}/deploy-policy`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(input),
    })
  } catch {
    throw new ApiError(0, { code: 'E_NETWORK', detail: 'Cannot reach the Tend server. Check your connection and try again.' })
  }
  const body: unknown = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' && body !== null ? (body as Problem) : {})
  return body as TeamDeployPolicy
}
