import { api } from '../../../lib/api-client'
import type { AlarmSeries } from '../../../types/api'

/** Fetches the per-period values a threshold alarm judges, from `from` to the current period. */
export function getAlarmSeries(id: string, from: string | undefined, signal?: AbortSignal): Promise<AlarmSeries> {
  return api.get<AlarmSeries>(`/alarms/${encodeURIComponent(id)}/series`, { query: { from }, ...(signal ? { signal } : {}) })
}
