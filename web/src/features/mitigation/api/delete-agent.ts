import { api } from '../../../lib/api-client'

/** Removes an agent: its token stops working at once. */
export async function deleteAgent(teamId: string, agentId: string): Promise<void> {
  await api.delete(`/teams/${encodeURIComponent(teamId)}/agents/${encodeURIComponent(agentId)}`)
}
