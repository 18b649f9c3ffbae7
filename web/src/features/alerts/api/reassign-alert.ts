import { api } from '../../../lib/api-client'
import type { AlertRecord } from '../../../types/api'

/** Hands an alert to people, who are paged directly. */
export function reassignAlert(id: string, userIds: readonly string[]): Promise<AlertRecord> {
  return api.post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/reassign`, { userIds })
}
