import { api } from '../../../lib/api-client'

/** Queues a test message to one team channel (team admins); resolves to how many were queued. */
export async function testTeamChannel(teamId: string, channelId: string): Promise<number> {
  const res = await api.post<{ readonly queued: number }>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/test`, {})
  return res.queued
}
