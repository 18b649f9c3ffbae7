import { api } from '../../../lib/api-client'
import type { EscalationPolicy, PolicyTarget } from '../../../types/api'

export interface PolicyInput {
  readonly teamId: string
  readonly name: string
  readonly description: string
  readonly repeatCount: number
  readonly steps: readonly { readonly targets: readonly PolicyTarget[]; readonly delayMinutes: number }[]
}

/** Creates an escalation policy (team admins); the answer warns about people who cannot be woken. */
export function createPolicy(input: PolicyInput): Promise<EscalationPolicy> {
  return api.post<EscalationPolicy>('/escalation-policies', input)
}
