import { api } from '../../../lib/api-client'

/** Deletes a rule; the events it acted on stay visible with its id. */
export function deleteEventRule(id: string): Promise<void> {
  return api.delete(`/event-rules/${encodeURIComponent(id)}`)
}
