import { api } from '../../../lib/api-client'
import type { ContactMethod } from '../../../types/api'

/** Changes a contact method's label or whether it interrupts. */
export function updateContactMethod(userId: string, id: string, input: { readonly label?: string; readonly interrupting?: boolean }): Promise<ContactMethod> {
  return api.patch<ContactMethod>(`/users/${encodeURIComponent(userId)}/contact-methods/${encodeURIComponent(id)}`, input)
}
