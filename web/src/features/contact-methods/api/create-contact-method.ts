import { api } from '../../../lib/api-client'
import type { ContactMethod, ContactMethodType } from '../../../types/api'

export interface CreateContactMethodInput {
  readonly type: ContactMethodType
  readonly address: string
  readonly label?: string
  readonly interrupting: boolean
}

/** Adds a contact method; it stays unverified (and never pages) until confirmed with a code. */
export function createContactMethod(userId: string, input: CreateContactMethodInput): Promise<ContactMethod> {
  return api.post<ContactMethod>(`/users/${encodeURIComponent(userId)}/contact-methods`, input)
}
