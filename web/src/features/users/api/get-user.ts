import { api } from '../../../lib/api-client'
import type { User } from '../../../types/api'

/** Fetches one person by id. */
export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return api.get<User>(`/users/${encodeURIComponent(id)}`, signal ? { signal } : {})
}
