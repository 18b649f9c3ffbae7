import { api } from '../../../lib/api-client'
import type { ReliefActionResult } from '../../../types/api'

/** Takes over a relief for the rest of its period: yourself, or (team admins) `userId`. */
export function takeOverRelief(id: string, userId: string | undefined): Promise<ReliefActionResult> {
  return api.post<ReliefActionResult>(`/reliefs/${encodeURIComponent(id)}/take-over`, userId === undefined ? {} : { userId })
}
