/** Who may do what on a team's health pages, and which team a URL names. */
import type { Team, TeamMember, User } from '../../../types/api'

/** The team a health URL names, by id or by name (the API accepts both). */
export function findTeam(teams: readonly Team[], idOrName: string): Team | undefined {
  return teams.find((t) => t.id === idOrName) ?? teams.find((t) => t.name === idOrName)
}

/** Whether `user` may change the team's settings and act on its reliefs for others: a global or team admin. */
export function isTeamAdmin(user: User, members: readonly TeamMember[]): boolean {
  return user.isAdmin || members.some((m) => m.userId === user.id && m.role === 'admin')
}
