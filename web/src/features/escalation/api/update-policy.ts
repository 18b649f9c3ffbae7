import { api } from '../../../lib/api-client'
import type { EscalationPolicy } from '../../../types/api'
import type { PolicyInput } from './create-policy'

/** Replaces a policy's fields and all of its steps; the answer warns about people who cannot be woken. */
export function updatePolicy(id: string, input: PolicyInput): Promise<EscalationPolicy> {
  return api.patch<EscalationPolicy>(`/escalation-policies/${encodeURIComponent(id)}`, input)
}
