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

/**
 * A person who is paged by webhook only: a verified, interrupting webhook contact method used
 * by one high- and one low-urgency rule (the default email rules are removed).
 */
export async function buildPagedPerson(app: TestApp, webhookUrl: string, over: Record<string, unknown> = {}): Promise<{ id: string; name: string; email: string; methodId: string; signingSecret: string }> {
  const user = await buildUser(app, over)
  for (const r of (await app.call('GET', `/api/v1/users/${user.id}/notification-rules`)).body.items) {
    await app.call('DELETE', `/api/v1/users/${user.id}/notification-rules/${r.id}`)
  }
  const m = await app.call('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'webhook', address: `${webhookUrl}/${user.id}`, label: 'Pager bridge', interrupting: true })
  if (m.status !== 201) throw new Error(`contact method: ${JSON.stringify(m.body)}`)
  await app.call('POST', `/api/v1/users/${user.id}/contact-methods/${m.body.id}/mark-verified`)
  for (const urgency of ['high', 'low']) await app.call('POST', `/api/v1/users/${user.id}/notification-rules`, { contactMethodId: m.body.id, urgency, delayMinutes: 0 })
  return { ...user, methodId: m.body.id, signingSecret: m.body.signingSecret }
}

/** An escalation policy from steps of targets, and a service using it with an integration key. */
export async function buildPagedService(
  app: TestApp,
  teamId: string,
  steps: { targets: { type: string; id: string }[]; delayMinutes: number }[],
  opts: { repeatCount?: number; integrationType?: string; rateLimitPerMinute?: number } = {},
): Promise<{ serviceId: string; serviceName: string; policyId: string; key: string }> {
  const policy = await app.call('POST', '/api/v1/escalation-policies', { name: `Policy ${unique()}`, teamId, repeatCount: opts.repeatCount ?? 0, steps })
  if (policy.status !== 201) throw new Error(`policy: ${JSON.stringify(policy.body)}`)
  const service = await buildService(app, teamId, { escalationPolicyId: policy.body.id })
  const integration = await app.call('POST', `/api/v1/services/${service.id}/integrations`, { type: opts.integrationType ?? 'events_v2', ...(opts.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: opts.rateLimitPerMinute }) })
  if (integration.status !== 201) throw new Error(`integration: ${JSON.stringify(integration.body)}`)
  return { serviceId: service.id, serviceName: service.name, policyId: policy.body.id, key: integration.body.key }
}

/** A PagerDuty Events API v2 trigger body. */
export function pdTrigger(routingKey: string, summary: string, over: Record<string, unknown> = {}) {
  return { routing_key: routingKey, event_action: 'trigger', payload: { summary, source: 'db-1.prod', severity: 'critical' }, ...over }
}
