import { api } from '../../../lib/api-client'

/** Sends a dead-lettered message again (administrators). */
export async function retryNotification(id: string): Promise<void> {
  await api.post<void>(`/notifications/${encodeURIComponent(id)}/retry`, {})
}
