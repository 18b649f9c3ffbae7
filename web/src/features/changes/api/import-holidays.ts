import { api } from '../../../lib/api-client'
import type { TeamDeployPolicy } from '../../../types/api'

/** What an iCalendar import did: the policy after it, the dates it added, and events it could not read. */
export interface HolidayImport {
  readonly policy: TeamDeployPolicy
  readonly added: readonly string[]
  readonly problems: readonly string[]
}

/** Imports holidays from the body of an .ics file into a team's policy, merged with those already set. */
export function importHolidays(teamId: string, ics: string): Promise<HolidayImport> {
  return api.post<HolidayImport>(`/teams/${encodeURIComponent(teamId)}/deploy-policy/holidays/import`, { ics, mode: 'merge' })
}
