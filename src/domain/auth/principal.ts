import { forbidden } from '../../lib/errors.js'
import type { Actor } from '../audit/index.js'

/** A team role, weakest first. Observers read; responders run the pager; admins manage the team. */
export type TeamRole = 'observer' | 'responder' | 'admin'

export const TEAM_ROLES: readonly TeamRole[] = ['observer', 'responder', 'admin']

const RANK: Record<TeamRole, number> = { observer: 0, responder: 1, admin: 2 }

/** The authenticated caller of an API request. */
export interface Principal {
  readonly userId: string
  readonly name: string
  readonly email: string
  /** Global administrators may act on every team. */
  readonly isAdmin: boolean
  readonly teamRoles: ReadonlyMap<string, TeamRole>
}

/** Whether the principal holds at least `role` on the team (global admins always do). */
export function hasTeamRole(p: Principal, teamId: string, role: TeamRole): boolean {
  if (p.isAdmin) return true
  const held = p.teamRoles.get(teamId)
  return held !== undefined && RANK[held] >= RANK[role]
}

/** Throws E_FORBIDDEN unless the principal holds at least `role` on the team. */
export function requireTeamRole(p: Principal, teamId: string, role: TeamRole, what: string): void {
  if (!hasTeamRole(p, teamId, role)) {
    throw forbidden(`${what} needs the ${role} role on the owning team (team ${teamId}); you have ${p.teamRoles.get(teamId) ?? 'no role'} there`)
  }
}

/** Throws E_FORBIDDEN unless the principal is a global administrator. */
export function requireAdmin(p: Principal, what: string): void {
  if (!p.isAdmin) throw forbidden(`${what} needs a global administrator`)
}

/** The audit actor for a principal. */
export const actorOf = (p: Principal): Actor => ({ userId: p.userId, label: p.email })
