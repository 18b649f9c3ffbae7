import { api } from '../../../lib/api-client'
import type { AlarmHistoryEntry, ListResponse } from '../../../types/api'

/** Fetches an alarm's state changes (and flapping starts and stops), newest first. */
export async function getAlarmHistory(id: string, signal?: AbortSignal): Promise<readonly AlarmHistoryEntry[]> {
  const res = await api.get<ListResponse<AlarmHistoryEntry>>(`/alarms/${encodeURIComponent(id)}/history`, { query: { limit: 100 }, ...(signal ? { signal } : {}) })
  return res.items
}
