import { api } from '../../../lib/api-client'

/** Removes a notification rule. */
export async function deleteNotificationRule(userId: string, id: string): Promise<void> {
  await api.delete(`/users/${encodeURIComponent(userId)}/notification-rules/${encodeURIComponent(id)}`)
}
