import { api } from '../../../lib/api-client'
import type { MitigationMatch, MitigationRule } from '../../../types/api'

/** The body of a rule as the API takes it (create and edit). */
export interface MitigationRuleInput {
  readonly name: string
  readonly match: MitigationMatch
  readonly action:
    | { readonly type: 'http'; readonly method: string; readonly url: string; readonly body?: unknown; readonly timeoutSeconds: number }
    | { readonly type: 'agent'; readonly agentId: string; readonly command: string; readonly timeoutSeconds: number }
  readonly mode: 'before' | 'parallel'
  readonly verifyMinutes: number
  readonly loopGuard: { readonly maxRuns: number; readonly perMinutes: number }
  /** Sent only when filled in: the API keeps it sealed and never shows it again. */
  readonly followUpWebhookUrl?: string
}

/** Creates a rule on a service (team admins); it starts in dry-run, and the answer carries its signing secret once. */
export function createMitigationRule(serviceId: string, input: MitigationRuleInput): Promise<MitigationRule> {
  return api.post<MitigationRule>(`/services/${encodeURIComponent(serviceId)}/mitigation-rules`, input)
}
