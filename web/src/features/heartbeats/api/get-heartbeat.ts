import { api } from '../../../lib/api-client'
import type { HeartbeatDetail } from '../../../types/api'

/** Fetches one heartbeat and its last pings, newest first (failures with the body the job sent). */
export function getHeartbeat(id: string, signal?: AbortSignal): Promise<HeartbeatDetail> {
  return api.get<HeartbeatDetail>(`/heartbeats/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
