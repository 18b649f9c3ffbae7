import { api } from '../../../lib/api-client'
import type { Team } from '../../../types/api'

export interface CreateTeamInput {
  readonly name: string
  readonly timeZone: string
  readonly description?: string
}

/** Creates a team (administrators only). */
export function createTeam(input: CreateTeamInput): Promise<Team> {
  return api.post<Team>('/teams', input)
}
