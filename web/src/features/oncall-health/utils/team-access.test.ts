import { describe, expect, it } from 'vitest'
import type { Team, TeamMember, User } from '../../../types/api'
import { findTeam, isTeamAdmin } from './team-access'

const team = (id: string, name: string): Team => ({ id, name, description: '', timeZone: 'UTC', isDemo: false })
const user = (over: Partial<User> = {}): User => ({ id: 'u1', name: 'Ana', email: 'ana@example.com', timeZone: 'UTC', isAdmin: false, isDemo: false, ...over })
const member = (userId: string, role: string): TeamMember => ({ userId, name: userId, email: `${userId}@example.com`, timeZone: 'UTC', role })

describe('team access', () => {
  it('finds a team by id, then by name', () => {
    const teams = [team('t1', 'Platform'), team('t2', 't1')]
    expect(findTeam(teams, 't1')?.name).toBe('Platform')
    expect(findTeam(teams, 'Platform')?.id).toBe('t1')
    expect(findTeam(teams, 'nope')).toBeUndefined()
  })

  it('lets global and team admins administer, not responders', () => {
    expect(isTeamAdmin(user({ isAdmin: true }), [])).toBe(true)
    expect(isTeamAdmin(user(), [member('u1', 'admin')])).toBe(true)
    expect(isTeamAdmin(user(), [member('u1', 'responder'), member('u2', 'admin')])).toBe(false)
  })
})
