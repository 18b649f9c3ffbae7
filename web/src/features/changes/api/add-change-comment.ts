import { api } from '../../../lib/api-client'
import type { ChangeComment } from '../../../types/api'

/** Comments on a change request. */
export function addChangeComment(key: string, body: string): Promise<ChangeComment> {
  return api.post<ChangeComment>(`/changes/${encodeURIComponent(key)}/comments`, { body })
}
