import { api } from '../../../lib/api-client'
import type { Alarm } from '../../../types/api'

/** Fetches one alarm: state, flapping, open alert, last evaluation (SLO: burn rates and budget left). */
export function getAlarm(id: string, signal?: AbortSignal): Promise<Alarm> {
  return api.get<Alarm>(`/alarms/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
