import { api } from '../../../lib/api-client'
import type { EscalationPolicy, ListResponse } from '../../../types/api'

/** Fetches every escalation policy (without readiness warnings; `getPolicy` has them). */
export async function getPolicies(signal?: AbortSignal): Promise<readonly EscalationPolicy[]> {
  const res = await api.get<ListResponse<EscalationPolicy>>('/escalation-policies', signal ? { signal } : {})
  return res.items
}
