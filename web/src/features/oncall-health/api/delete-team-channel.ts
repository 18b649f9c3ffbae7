import { api } from '../../../lib/api-client'

/** Removes a team channel (team admins). */
export async function deleteTeamChannel(teamId: string, channelId: string): Promise<void> {
  await api.delete(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}`)
}
