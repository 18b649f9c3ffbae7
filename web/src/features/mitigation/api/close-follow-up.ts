import { api } from '../../../lib/api-client'
import type { FollowUp } from '../../../types/api'

/** Closes a follow-up with a note saying what was found or done; the API refuses an empty note. */
export function closeFollowUp(id: string, note: string): Promise<FollowUp> {
  return api.post<FollowUp>(`/follow-ups/${encodeURIComponent(id)}/close`, { note })
}
