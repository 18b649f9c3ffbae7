import { api } from '../../../lib/api-client'
import type { Service } from '../../../types/api'

/** Changes a service; with `escalationPolicyId: null` its alerts page whoever is on call on the owning team's schedules. */
export function updateService(id: string, input: { readonly escalationPolicyId?: string | null }): Promise<Service> {
  return api.patch<Service>(`/services/${encodeURIComponent(id)}`, input)
}
