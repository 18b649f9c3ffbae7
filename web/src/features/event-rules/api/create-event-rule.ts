import { api } from '../../../lib/api-client'
import type { EventCondition, EventRule, EventRuleActions } from '../../../types/api'

/** A rule as the API takes it (create and edit). */
export interface EventRuleInput {
  readonly name: string
  readonly disabled: boolean
  readonly conditions: readonly EventCondition[]
  readonly actions: Partial<EventRuleActions>
}

/** Adds a rule at the end of a service's list (team admins). */
export function createEventRule(serviceId: string, input: EventRuleInput): Promise<EventRule> {
  return api.post<EventRule>(`/services/${encodeURIComponent(serviceId)}/event-rules`, input)
}
