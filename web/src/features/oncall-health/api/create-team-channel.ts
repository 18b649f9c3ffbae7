import { api } from '../../../lib/api-client'
import type { TeamChannel } from '../../../types/api'

export interface TeamChannelInput {
  /** email, slack or webhook */
  readonly type: string
  readonly address: string
  readonly label?: string
}

/** Adds a team channel (team admins); a webhook's answer carries its signing secret, once. */
export function createTeamChannel(teamId: string, input: TeamChannelInput): Promise<TeamChannel> {
  return api.post<TeamChannel>(`/teams/${encodeURIComponent(teamId)}/channels`, input)
}
