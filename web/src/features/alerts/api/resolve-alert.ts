import { api } from '../../../lib/api-client'
import type { AlertOutcome, AlertRecord } from '../../../types/api'

/** What a resolved alert was, and why. */
export interface OutcomeInput {
  readonly outcome?: AlertOutcome
  readonly note?: string
}

/** Resolves an alert, optionally saying what it was. */
export function resolveAlert(id: string, input: OutcomeInput): Promise<AlertRecord> {
  return api.post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/resolve`, input)
}
