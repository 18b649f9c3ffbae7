import { api } from '../../../lib/api-client'
import type { AlertRecord } from '../../../types/api'

/** Fires the next escalation step at once. */
export function escalateAlert(id: string): Promise<AlertRecord> {
  return api.post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/escalate`, {})
}
