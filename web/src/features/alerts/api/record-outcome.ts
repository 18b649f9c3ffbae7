import { api } from '../../../lib/api-client'
import type { AlertRecord } from '../../../types/api'
import type { OutcomeInput } from './resolve-alert'

/** Records what an already resolved alert was (actionable, noise or duplicate). */
export function recordOutcome(id: string, input: OutcomeInput): Promise<AlertRecord> {
  return api.post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/outcome`, input)
}
