import type { TestApp } from './app.js'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** Creates a user through the API (as admin) and returns it. */
export async function buildUser(app: TestApp, over: Record<string, unknown> = {}): Promise<{ id: string; name: string; email: string; timeZone: string }> {
  const u = unique()
  const res = await app.call('POST', '/api/v1/users', { name: `User ${u}`, email: `user-${u}@example.test`, timeZone: 'Europe/Berlin', ...over })
  if (res.status !== 201) throw new Error(`buildUser failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Creates an API token for a user (as admin) and returns the secret. */
export async function tokenFor(app: TestApp, userId: string): Promise<string> {
  const res = await app.call('POST', `/api/v1/users/${userId}/tokens`, { name: 'test' })
  if (res.status !== 201) throw new Error(`tokenFor failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

export async function buildTeam(app: TestApp, over: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await app.call('POST', '/api/v1/teams', { name: `Team ${unique()}`, timeZone: 'Europe/Berlin', ...over })
  if (res.status !== 201) throw new Error(`buildTeam failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export async function addMember(app: TestApp, teamId: string, userId: string, role: string): Promise<void> {
  const res = await app.call('PUT', `/api/v1/teams/${teamId}/members`, { userId, role })
  if (res.status !== 200) throw new Error(`addMember failed: ${res.status} ${JSON.stringify(res.body)}`)
}

export async function buildService(app: TestApp, teamId: string, over: Record<string, unknown> = {}): Promise<{ id: string; name: string; dependsOn: string[] }> {
  const res = await app.call('POST', '/api/v1/services', { name: `svc-${unique()}`, teamId, ...over })
  if (res.status !== 201) throw new Error(`buildService failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** A weekly rotation layer starting at `startsAt` with a 09:00 handoff. */
export function weeklyLayer(members: string[], startsAt = '2026-11-02T08:00:00Z', over: Record<string, unknown> = {}) {
  return { name: 'Weekly', startsAt, shiftLength: 1, shiftUnit: 'weeks', handoffTime: '09:00', members, ...over }
}

export async function buildSchedule(app: TestApp, teamId: string, layers: unknown[], over: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await app.call('POST', '/api/v1/schedules', { name: `Schedule ${unique()}`, teamId, timeZone: 'Europe/Berlin', layers, ...over })
  if (res.status !== 201) throw new Error(`buildSchedule failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
