import { api } from '../../../lib/api-client'
import type { ListResponse, NotificationRule } from '../../../types/api'

/** Fetches a person's notification rules. */
export async function getNotificationRules(userId: string, signal?: AbortSignal): Promise<readonly NotificationRule[]> {
  const res = await api.get<ListResponse<NotificationRule>>(`/users/${encodeURIComponent(userId)}/notification-rules`, signal ? { signal } : {})
  return res.items
}
