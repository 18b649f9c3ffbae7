import { api } from '../../../lib/api-client'
import type { ListResponse, Service } from '../../../types/api'

/** Fetches every service. */
export async function getServices(signal?: AbortSignal): Promise<readonly Service[]> {
  const res = await api.get<ListResponse<Service>>('/services', signal ? { signal } : {})
  return res.items
}
