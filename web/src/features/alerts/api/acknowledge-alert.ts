import { api } from '../../../lib/api-client'
import type { AlertRecord } from '../../../types/api'

/** Acknowledges an alert: its escalation stops and pending notifications are cancelled. */
export function acknowledgeAlert(id: string): Promise<AlertRecord> {
  return api.post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/acknowledge`, {})
}
