import { api } from '../../../lib/api-client'

/** Confirms a contact method with the code it received. */
export async function verifyContactMethod(userId: string, id: string, code: string): Promise<void> {
  await api.post<void>(`/users/${encodeURIComponent(userId)}/contact-methods/${encodeURIComponent(id)}/verify`, { code })
}
