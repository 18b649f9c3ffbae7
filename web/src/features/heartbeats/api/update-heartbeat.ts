import { api } from '../../../lib/api-client'
import type { Heartbeat } from '../../../types/api'
import type { HeartbeatInput } from './create-heartbeat'

/** Changes a heartbeat; its ping URL stays the same. */
export function updateHeartbeat(id: string, patch: Partial<HeartbeatInput>): Promise<Heartbeat> {
  return api.patch<Heartbeat>(`/heartbeats/${encodeURIComponent(id)}`, patch)
}
