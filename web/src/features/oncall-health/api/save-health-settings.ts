import type { TeamHealthSettings } from '../../../types/api'
import { putJson } from './raw-request'

/** The PUT body: every setting; anything left out returns to its default. */
export type HealthSettingsInput = Omit<TeamHealthSettings, 'teamId' | 'updatedAt'>

/** Replaces a team's on-call health settings (team admins); the API names every invalid field by path. */
export function saveHealthSettings(teamId: string, input: HealthSettingsInput): Promise<TeamHealthSettings> {
  return putJson<TeamHealthSettings>(`/teams/${encodeURIComponent(teamId)}/oncall-health-settings`, input)
}
