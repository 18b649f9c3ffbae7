import { api } from '../../../lib/api-client'
import type { Override } from '../../../types/api'

/** What the API needs to put someone on call for a range; times are RFC 3339 with an offset. */
export interface CreateOverrideInput {
  readonly userId: string
  /** Only while this person would be on call (a swap); omit to cover the whole range. */
  readonly replacesUserId?: string
  readonly start: string
  readonly end: string
  readonly reason?: string
}

/** Creates an override on a schedule. */
export function createOverride(scheduleId: string, input: CreateOverrideInput): Promise<Override> {
  return api.post<Override>(`/schedules/${encodeURIComponent(scheduleId)}/overrides`, input)
}
