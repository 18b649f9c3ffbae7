import { api } from '../../../lib/api-client'
import type { ChangeAction, ChangeDetail } from '../../../types/api'

/** Moves a change through its states; the comment is kept with an approval, or as a comment. */
export function actOnChange(key: string, action: ChangeAction, comment = ''): Promise<ChangeDetail> {
  return api.post<ChangeDetail>(`/changes/${encodeURIComponent(key)}/${action}`, comment.trim() === '' ? {} : { comment: comment.trim() })
}
