import { formatAge, parseInstant, type Instant } from '../../../lib/time'

/** A connected agent long-polls and is seen every few seconds; two minutes of silence means it is gone. */
export const OFFLINE_AFTER_MS = 2 * 60_000

export interface AgentPresence {
  readonly state: 'online' | 'offline' | 'never'
  /** "seen just now", "offline: last seen 3 h ago", "never connected". */
  readonly text: string
}

/** Whether an agent is connected, from when the server last heard from it and the server's `now`. */
export function agentPresence(lastSeenAt: string | null, now: Instant): AgentPresence {
  if (lastSeenAt === null) return { state: 'never', text: 'never connected' }
  const seen = parseInstant(lastSeenAt)
  if (now - seen > OFFLINE_AFTER_MS) return { state: 'offline', text: `offline: last seen ${formatAge(seen, now)}` }
  return { state: 'online', text: `online, seen ${formatAge(seen, now)}` }
}
