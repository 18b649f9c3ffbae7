import { api } from '../../../lib/api-client'
import type { ChangeDetail } from '../../../types/api'

/** Grants a change an exception to one freeze (the freeze's approvers or global admins; never the author). */
export function grantFreezeException(key: string, freezeId: string, comment = ''): Promise<ChangeDetail> {
  return api.post<ChangeDetail>(`/changes/${encodeURIComponent(key)}/freeze-exceptions`, { freezeId, ...(comment.trim() === '' ? {} : { comment: comment.trim() }) })
}
