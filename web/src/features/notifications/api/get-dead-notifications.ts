import { api } from '../../../lib/api-client'
import type { ListResponse, NotificationRecord } from '../../../types/api'

/** Fetches the dead letter: messages Tend gave up sending, newest first (administrators see everyone's). */
export async function getDeadNotifications(signal?: AbortSignal): Promise<readonly NotificationRecord[]> {
  const res = await api.get<ListResponse<NotificationRecord>>('/notifications', { query: { status: 'dead', limit: 100 }, ...(signal ? { signal } : {}) })
  return res.items
}
