import { api } from '../../../lib/api-client'
import type { WeeklyHealthReport } from '../../../types/api'

/** Fetches the weekly on-call report of an ISO week (`2026-W48`; default the last complete week in the team's zone). */
export function getWeeklyReport(teamId: string, week: string | undefined, signal?: AbortSignal): Promise<WeeklyHealthReport> {
  return api.get<WeeklyHealthReport>(`/teams/${encodeURIComponent(teamId)}/oncall-report`, { query: { week }, ...(signal ? { signal } : {}) })
}
