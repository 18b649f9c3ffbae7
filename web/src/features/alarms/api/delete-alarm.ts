import { api } from '../../../lib/api-client'

/** Deletes an alarm and its history; an open alert it raised stays for people to resolve. */
export function deleteAlarm(id: string): Promise<void> {
  return api.delete(`/alarms/${encodeURIComponent(id)}`)
}
