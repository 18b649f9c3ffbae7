import { api } from '../../../lib/api-client'
import type { EventRule } from '../../../types/api'

/**
 * Moves a rule to 0-based `position` in its service's list; the others shift. (The same as
 * PUT …/event-rules/order for one step, without a PUT in the API client.)
 */
export function moveEventRule(id: string, position: number): Promise<EventRule> {
  return api.patch<EventRule>(`/event-rules/${encodeURIComponent(id)}`, { position })
}
