import { api } from '../../../lib/api-client'
import type { NotificationRule, Urgency } from '../../../types/api'

export interface CreateNotificationRuleInput {
  readonly contactMethodId: string
  readonly urgency: Urgency
  readonly delayMinutes: number
}

/** Adds a rule: notify on this method, this many minutes after an alert of this urgency reaches the person. */
export function createNotificationRule(userId: string, input: CreateNotificationRuleInput): Promise<NotificationRule> {
  return api.post<NotificationRule>(`/users/${encodeURIComponent(userId)}/notification-rules`, input)
}
