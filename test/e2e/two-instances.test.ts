import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStorage, type Storage } from '../../src/storage/index.js'
import { ADMIN_TOKEN } from '../harness/app.js'
import { requireBuild, startTendServe, type RunningServer } from '../harness/cli.js'
import { buildPagedPerson, buildService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { asFactoryApp, remoteApi, type RemoteApi } from '../harness/remote.js'
import { DIALECTS, freshDatabaseUrl } from '../harness/storage.js'

const ALERTS = 200
const STEPS = 2
/** Bounds the wait for all the work; on this box it takes a few seconds. */
const WAIT_MS = 60_000
/** After everything arrived, engines on both instances get this long to (wrongly) do anything twice. */
const GRACE_MS = 1_500
/** Setting up 200 services through the API and the wait above, on a busy 2-core box. */
const TEST_TIMEOUT_MS = 150_000

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T, i)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

describe.skipIf(!DIALECTS.includes('postgres'))('postgres only: two tend serve processes on one database', () => {
  let db: { url: string; drop(): Promise<void> }
  let dir: string
  const servers: RunningServer[] = []
  let storage: Storage
  let hooks: WebhookReceiver
  let hookUrl: string

  beforeAll(async () => {
    requireBuild()
    hooks = new WebhookReceiver()
    hookUrl = await hooks.start()
    db = await freshDatabaseUrl('postgres')
    dir = mkdtempSync(join(tmpdir(), 'tend-two-'))
    // Every instance sharing a database must seal secrets (webhook URLs) with the same key.
    const env = { TEND_BOOTSTRAP_TOKEN: ADMIN_TOKEN, TEND_SECRET_KEY: randomBytes(32).toString('base64'), TEND_ENGINE_TICK_MS: '100', TEND_LOG_LEVEL: 'warn' }
    // One after the other, so the second finds the schema migrated.
    for (const name of ['a', 'b']) servers.push(await startTendServe(['--data-dir', join(dir, name), '--database', db.url], { cwd: dir, env }))
    storage = openStorage(db.url)
  }, 90_000)

  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL')
    await storage?.close()
    await hooks?.stop()
    await db?.drop()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  it(`${ALERTS} alerts triggered across both: every step of every alert fires exactly once, and each person is paged once per alert`, async () => {
    const [a, b] = servers.map((s) => remoteApi(s.url, ADMIN_TOKEN)) as [RemoteApi, RemoteApi]
    const team = await buildTeam(asFactoryApp(a))
    const first = await buildPagedPerson(asFactoryApp(a), hookUrl, { name: 'First responder' })
    const second = await buildPagedPerson(asFactoryApp(b), hookUrl, { name: 'Second responder' })
    // Step 1 has no delay, so step 2 is due the moment step 1 fired: both steps race on both engines.
    const policy = await a.call('POST', '/api/v1/escalation-policies', {
      name: 'Back to back',
      teamId: team.id,
      repeatCount: 0,
      steps: [
        { targets: [{ type: 'user', id: first.id }], delayMinutes: 0 },
        { targets: [{ type: 'user', id: second.id }], delayMinutes: 5 },
      ],
    })
    expect(policy.status).toBe(201)
    // One service per alert: a second alert on a service within five minutes would be bundled
    // into a follow-up, and this test counts individual pages.
    const keys = await pool(Array.from({ length: ALERTS }, (_, i) => i), 8, async (i) => {
      const api = i % 2 === 0 ? a : b
      const svc = await buildService(asFactoryApp(api), team.id, { name: `svc-${i}`, escalationPolicyId: policy.body.id })
      const integration = await api.call('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'events_v2' })
      expect(integration.status).toBe(201)
      return integration.body.key as string
    })

    const codes = await pool(keys, 16, async (key, i) => (await (i % 2 === 0 ? a : b).call('POST', '/v2/enqueue', pdTrigger(key, `Shard ${i} unavailable`, { dedup_key: `shard-${i}` }), null)).status)
    expect(codes.filter((c) => c !== 202)).toEqual([])

    const count = async (q: () => Promise<{ n: unknown }>) => Number((await q()).n)
    const escalated = () => count(() => storage.db.selectFrom('alert_log').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'escalated').executeTakeFirstOrThrow())
    const sent = () => count(() => storage.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow())
    const deadline = Date.now() + WAIT_MS
    while (!((await escalated()) >= ALERTS * STEPS && (await sent()) >= ALERTS * STEPS && hooks.requests.length >= ALERTS * STEPS)) {
      if (Date.now() > deadline) throw new Error(`timed out: ${await escalated()} steps fired, ${await sent()} sent, ${hooks.requests.length} delivered of ${ALERTS * STEPS}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    await new Promise((r) => setTimeout(r, GRACE_MS))

    // The database: each (alert, step) escalated exactly once; every alert finished its policy.
    const alerts = await storage.db.selectFrom('alerts').select(['id', 'status', 'next_escalation_at', 'escalation_step']).execute()
    expect(alerts).toHaveLength(ALERTS)
    expect(alerts.filter((x) => x.status !== 'triggered' || x.next_escalation_at !== null)).toEqual([])
    const fired = await storage.db
      .selectFrom('alert_log')
      .select(['alert_id', sql<string>`data_json`.as('data'), (eb) => eb.fn.countAll().as('n')])
      .where('kind', '=', 'escalated')
      .groupBy(['alert_id', 'data_json'])
      .execute()
    expect(fired).toHaveLength(ALERTS * STEPS)
    expect(fired.filter((f) => Number(f.n) !== 1)).toEqual([])
    const stepsPerAlert = new Map<string, number[]>()
    for (const f of fired) stepsPerAlert.set(f.alert_id, [...(stepsPerAlert.get(f.alert_id) ?? []), (JSON.parse(f.data) as { step: number }).step].sort())
    expect([...stepsPerAlert.values()].filter((s) => s.join() !== '0,1')).toEqual([])
    expect(new Set(stepsPerAlert.keys())).toEqual(new Set(alerts.map((x) => x.id)))

    // The outbox: one message per (alert, person), each sent once.
    const messages = await storage.db.selectFrom('notifications').select(['alert_id', 'user_id', 'status', 'attempts', 'idempotency_key']).execute()
    expect(messages).toHaveLength(ALERTS * STEPS)
    expect(new Set(messages.map((m) => m.idempotency_key)).size).toBe(ALERTS * STEPS)
    expect(messages.filter((m) => m.status !== 'sent' || m.attempts !== 1)).toEqual([])

    // The receiver: no delivery twice, and each person got exactly one page per alert.
    expect(hooks.requests).toHaveLength(ALERTS * STEPS)
    expect(hooks.unique()).toHaveLength(ALERTS * STEPS)
    const pages = new Map<string, number>()
    for (const r of hooks.requests) {
      const k = `${String(r.json.alert.id)}|${r.path}`
      pages.set(k, (pages.get(k) ?? 0) + 1)
    }
    expect(pages.size).toBe(ALERTS * STEPS)
    expect([...pages.values()].every((n) => n === 1)).toBe(true)
    const byPerson = (id: string) => hooks.requests.filter((r) => r.path === `/${id}`).length
    expect([byPerson(first.id), byPerson(second.id)]).toEqual([ALERTS, ALERTS])
  }, TEST_TIMEOUT_MS)
})
