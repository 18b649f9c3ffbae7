import { api } from '../../../lib/api-client'
import type { EventRule } from '../../../types/api'
import type { EventRuleInput } from './create-event-rule'

/** Changes a rule: conditions and actions given replace the old ones whole. */
export function updateEventRule(id: string, patch: Partial<EventRuleInput>): Promise<EventRule> {
  return api.patch<EventRule>(`/event-rules/${encodeURIComponent(id)}`, patch)
}
