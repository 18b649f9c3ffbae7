import { api } from '../../../lib/api-client'
import type { ChangeCalendar } from '../../../types/api'

/** Fetches what a calendar needs for [from, to): windows, staffed and deployable times, holidays, freezes, change requests, deployments. */
export function getChangeCalendar(query: { readonly from: string; readonly to: string; readonly teamId: string }, signal?: AbortSignal): Promise<ChangeCalendar> {
  return api.get<ChangeCalendar>('/change-calendar', { query, ...(signal ? { signal } : {}) })
}
