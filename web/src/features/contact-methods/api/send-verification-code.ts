import { api } from '../../../lib/api-client'
import type { QueuedMessage } from '../../../types/api'

/** Sends a 6-digit code to the contact method, valid for 15 minutes. */
export function sendVerificationCode(userId: string, id: string): Promise<QueuedMessage> {
  return api.post<QueuedMessage>(`/users/${encodeURIComponent(userId)}/contact-methods/${encodeURIComponent(id)}/verification`, {})
}
