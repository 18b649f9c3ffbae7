import { api } from '../../../lib/api-client'
import type { ChangeDetail } from '../../../types/api'
import type { ChangeInput } from './create-change'

/** Edits a draft or submitted change (its author or the owning teams' admins). */
export function updateChange(key: string, input: ChangeInput): Promise<ChangeDetail> {
  return api.patch<ChangeDetail>(`/changes/${encodeURIComponent(key)}`, input)
}
