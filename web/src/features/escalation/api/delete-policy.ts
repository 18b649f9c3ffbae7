import { api } from '../../../lib/api-client'

/** Deletes a policy that no service uses. */
export async function deletePolicy(id: string): Promise<void> {
  await api.delete(`/escalation-policies/${encodeURIComponent(id)}`)
}
