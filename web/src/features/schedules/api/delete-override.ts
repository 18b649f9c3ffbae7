import { api } from '../../../lib/api-client'

/** Removes an override that has not ended. */
export function deleteOverride(scheduleId: string, overrideId: string): Promise<void> {
  return api.delete(`/schedules/${encodeURIComponent(scheduleId)}/overrides/${encodeURIComponent(overrideId)}`)
}
