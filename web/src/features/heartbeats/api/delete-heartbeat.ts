import { api } from '../../../lib/api-client'

/** Deletes a heartbeat: its ping URL stops working (an open alert stays for people to resolve). */
export function deleteHeartbeat(id: string): Promise<void> {
  return api.delete(`/heartbeats/${encodeURIComponent(id)}`)
}
