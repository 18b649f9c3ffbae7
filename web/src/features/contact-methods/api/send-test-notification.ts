import { api } from '../../../lib/api-client'
import type { QueuedMessage } from '../../../types/api'

/** Sends a test notification to a verified contact method. */
export function sendTestNotification(userId: string, id: string): Promise<QueuedMessage> {
  return api.post<QueuedMessage>(`/users/${encodeURIComponent(userId)}/contact-methods/${encodeURIComponent(id)}/test`, {})
}
