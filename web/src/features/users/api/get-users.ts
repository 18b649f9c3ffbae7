import { api } from '../../../lib/api-client'
import type { ListResponse, User } from '../../../types/api'

/** Fetches every user. */
export async function getUsers(signal?: AbortSignal): Promise<readonly User[]> {
  const res = await api.get<ListResponse<User>>('/users', signal ? { signal } : {})
  return res.items
}
