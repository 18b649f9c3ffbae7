import { api } from '../../../lib/api-client'
import type { EscalationPolicy } from '../../../types/api'

/** Fetches one policy with its warnings about people who cannot be woken. */
export function getPolicy(id: string, signal?: AbortSignal): Promise<EscalationPolicy> {
  return api.get<EscalationPolicy>(`/escalation-policies/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
