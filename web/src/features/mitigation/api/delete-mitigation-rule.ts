import { api } from '../../../lib/api-client'

/** Deletes a rule; its runs stay in the alerts' timelines. */
export async function deleteMitigationRule(id: string): Promise<void> {
  await api.delete(`/mitigation-rules/${encodeURIComponent(id)}`)
}
