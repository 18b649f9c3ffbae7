import { api } from '../../../lib/api-client'
import type { AlertDetail } from '../../../types/api'

/** Fetches an alert with its timeline and every notification sent for it. */
export function getAlert(id: string, signal?: AbortSignal): Promise<AlertDetail> {
  return api.get<AlertDetail>(`/alerts/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
