import { api } from '../../../lib/api-client'
import type { HeartbeatCreated } from '../../../types/api'

/** A heartbeat as the API takes it: exactly one of `intervalSeconds` and `cron` (with `timeZone`). */
export interface HeartbeatInput {
  readonly name: string
  readonly intervalSeconds: number | null
  readonly cron: string | null
  readonly timeZone: string | null
  readonly graceSeconds: number
  readonly missesToAlarm: number
  readonly failMode: 'immediate' | 'after_n'
}

/** Creates a heartbeat on a service (team admins); the answer carries the ping URL, once. */
export function createHeartbeat(serviceId: string, input: HeartbeatInput): Promise<HeartbeatCreated> {
  return api.post<HeartbeatCreated>(`/services/${encodeURIComponent(serviceId)}/heartbeats`, input)
}
