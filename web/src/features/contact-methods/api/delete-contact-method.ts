import { api } from '../../../lib/api-client'

/** Removes a contact method (and the notification rules that use it). */
export async function deleteContactMethod(userId: string, id: string): Promise<void> {
  await api.delete(`/users/${encodeURIComponent(userId)}/contact-methods/${encodeURIComponent(id)}`)
}
