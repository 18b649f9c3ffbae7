import { api } from '../../../lib/api-client'
import type { ContactMethod, ListResponse } from '../../../types/api'

/** Fetches a person's contact methods (their own, or anyone's for administrators). */
export async function getContactMethods(userId: string, signal?: AbortSignal): Promise<readonly ContactMethod[]> {
  const res = await api.get<ListResponse<ContactMethod>>(`/users/${encodeURIComponent(userId)}/contact-methods`, signal ? { signal } : {})
  return res.items
}
