import { api } from '../../../lib/api-client'
import type { ReliefActionResult } from '../../../types/api'

/** Declines a relief (its replacement, or a team admin): someone else eligible takes the rest, or the tired person keeps the pager. */
export function declineRelief(id: string, reason: string): Promise<ReliefActionResult> {
  return api.post<ReliefActionResult>(`/reliefs/${encodeURIComponent(id)}/decline`, reason.trim() === '' ? {} : { reason: reason.trim() })
}
