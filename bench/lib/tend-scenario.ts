import { remoteApi, type RemoteApi } from '../../test/harness/remote.js'

export interface TendScenario {
  readonly api: RemoteApi
  /** Integration key of the service that takes the background load (rate limit at its maximum). */
  readonly loadKey: string
  /** One integration key per probe service: one alert each, so no page is bundled with another. */
  readonly probeKeys: readonly string[]
  /** An integration with a small rate limit, for the shedding check. */
  readonly limitedKey: string
  readonly limitedPerMinute: number
}

async function ok<T = any>(api: RemoteApi, method: string, path: string, body?: unknown): Promise<T> {
  const res = await api.call(method, path, body)
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as T
}

/**
 * Builds what the bench pages: one person whose only contact method is a verified, interrupting
 * webhook to the sink, a one-step policy paging them at once, a load service, `probes` probe
 * services and a rate-limited one.
 */
export async function setupTendScenario(url: string, token: string, hookUrl: string, probes: number): Promise<TendScenario> {
  const api = remoteApi(url, token)
  const team = await ok(api, 'POST', '/api/v1/teams', { name: 'Bench', timeZone: 'UTC' })
  const user = await ok(api, 'POST', '/api/v1/users', { name: 'Bench Pager', email: 'pager@bench.test', timeZone: 'UTC' })
  for (const r of (await ok(api, 'GET', `/api/v1/users/${user.id}/notification-rules`)).items) await ok(api, 'DELETE', `/api/v1/users/${user.id}/notification-rules/${r.id}`)
  const method = await ok(api, 'POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'webhook', address: `${hookUrl}/pager`, label: 'Bench sink', interrupting: true })
  await ok(api, 'POST', `/api/v1/users/${user.id}/contact-methods/${method.id}/mark-verified`)
  for (const urgency of ['high', 'low']) await ok(api, 'POST', `/api/v1/users/${user.id}/notification-rules`, { contactMethodId: method.id, urgency, delayMinutes: 0 })
  const policy = await ok(api, 'POST', '/api/v1/escalation-policies', { name: 'Bench', teamId: team.id, repeatCount: 0, steps: [{ targets: [{ type: 'user', id: user.id }], delayMinutes: 30 }] })
  const service = async (name: string, rateLimitPerMinute: number): Promise<string> => {
    const svc = await ok(api, 'POST', '/api/v1/services', { name, teamId: team.id, escalationPolicyId: policy.id })
    return (await ok(api, 'POST', `/api/v1/services/${svc.id}/integrations`, { type: 'events_v2', rateLimitPerMinute })).key as string
  }
  const loadKey = await service('bench-load', 1_000_000)
  const limitedPerMinute = 60
  const limitedKey = await service('bench-limited', limitedPerMinute)
  const probeKeys: string[] = new Array(probes)
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < probes; i = next++) probeKeys[i] = await service(`bench-probe-${i}`, 1_000_000)
    }),
  )
  return { api, loadKey, probeKeys, limitedKey, limitedPerMinute }
}

const SUMMARY = 'Checkout latency p99 above 800 ms for 5 minutes on the payments API (region eu-west-1, canary and main fleet)'

/** A PagerDuty Events v2 trigger of about 600 bytes, like the reference measurements' body. */
export function pdEvent(routingKey: string, dedupKey: string): string {
  return JSON.stringify({
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: SUMMARY,
      source: 'payments-api-7f9c4d-2xkq1.prod.eu-west-1',
      severity: 'critical',
      component: 'payments-api',
      group: 'checkout',
      class: 'latency',
      timestamp: '2026-11-24T09:00:00Z',
      custom_details: { p99_ms: 912, threshold_ms: 800, window: '5m', runbook: 'https://runbooks.example/payments/latency' },
    },
  })
}
