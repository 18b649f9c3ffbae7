import { api } from '../../../lib/api-client'
import type { MitigationAgent } from '../../../types/api'

/** Registers an agent for a team; the answer carries its token, shown only once. */
export function createAgent(teamId: string, name: string): Promise<{ readonly agent: MitigationAgent; readonly token: string }> {
  return api.post(`/teams/${encodeURIComponent(teamId)}/agents`, { name })
}
